import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeLanguages, generateCode } from '../../../../electron/core/interop/code/codeLanguages'
import { emptyRequest } from '../../../../shared/model/request'
import { requestSet } from './requestSet'

const set = requestSet('http://127.0.0.1:8080', mkdtempSync(join(tmpdir(), 'courier-langs-')))

describe('codeLanguages', () => {
  it('offers every language of the issue', () => {
    const ids = codeLanguages().map((l) => l.id)
    for (const id of [
      'curl',
      'python-requests',
      'httpie',
      'javascript-fetch',
      'javascript-axios',
      'node-fetch',
      'go',
      'java-okhttp',
      'csharp-httpclient',
      'php-curl',
      'ruby',
      'swift',
      'kotlin-okhttp',
      'powershell',
    ])
      expect(ids).toContain(id)
  })

  it.each(codeLanguages().map((l) => l.id))(
    '%s generates code for every request of the set',
    (id) => {
      for (const [name, spec] of Object.entries(set)) {
        const code = generateCode(spec, { base: 'http://127.0.0.1:8080' }, id)
        expect(code.trim(), name).not.toBe('')
        expect(code, name).toContain('127.0.0.1:8080')
      }
    },
  )
})

describe('generateCode', () => {
  const put = set['PUT json']!

  it('writes idiomatic requests code', () => {
    const code = generateCode(put, { base: 'https://api.test' }, 'python-requests')
    expect(code).toContain('response = requests.put(')
    expect(code).toContain('json=payload')
    expect(code).toContain('params=params')
    expect(code).toContain('timeout=30')
    expect(code).toContain('response.raise_for_status()')
    expect(code).not.toContain('Courier/0.1')
    expect(
      generateCode(set['GET basic auth']!, { base: 'https://a' }, 'python-requests'),
    ).toContain('auth=("tester", "s3cret:pass")')
    expect(generateCode(set['POST multipart']!, { base: 'https://a' }, 'python-requests')).toMatch(
      /files = \{\n {4}"upload": \("notes file.txt", open\(".*notes file.txt", "rb"\), "text\/plain"\)/,
    )
  })

  it('leaves unknown variables as written', () => {
    const code = generateCode({ ...emptyRequest(), url: 'https://x.test/{{id}}' }, {}, 'curl')
    expect(code).toContain('{{id}}')
  })

  it('refuses an unknown language, naming the known ones', () => {
    expect(() => generateCode(put, {}, 'cobol')).toThrow(
      /Unknown language "cobol". Languages: curl, httpie, python-requests/,
    )
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  environmentText,
  parseEnvironment,
  parseManifest,
  parseRequest,
  requestText,
} from '../../../electron/core/workspace/workspaceFormat'
import type { SavedRequest } from '../../../shared/model/workspace'
import { harness, request } from './helpers'

const { service } = harness()
afterAll(() => service.close())

const megabyte = 'x'.repeat(1024 * 1024)
const megabyteOfLines = Array.from({ length: 16 * 1024 }, (_, i) => `line ${i} ${'y'.repeat(56)}`)
  .join('\n')
  .slice(0, 1024 * 1024)

/** Every shape a request can take, each saved and read back. */
const shapes: Record<string, SavedRequest> = {
  'no body': request(),
  'json, one line': request({ method: 'POST', body: { type: 'json', text: '{"a":1}' } }),
  'json, lines with trailing newline': request({
    body: { type: 'json', text: '{\n  "name": "Zoë",\n  "tags": ["α", "β"]\n}\n' },
  }),
  'raw with content type and CRLF': request({
    body: { type: 'raw', contentType: 'text/xml', text: '<a>\r\n  <b/>\r\n</a>\r\n' },
  }),
  'raw with mixed line breaks and a lone CR': request({
    body: { type: 'raw', contentType: 'text/plain', text: 'one\r\ntwo\nthree\rfour\n\n' },
  }),
  'raw, empty': request({ body: { type: 'raw', contentType: 'text/plain', text: '' } }),
  'raw, only newlines': request({ body: { type: 'raw', contentType: 'text/csv', text: '\n\n' } }),
  form: request({
    body: {
      type: 'form',
      fields: [
        { key: 'q', value: 'a b&c=d', enabled: true },
        { key: 'off', value: '1', enabled: false },
        { key: 'q', value: 'second', enabled: true },
      ],
    },
  }),
  'multipart text and file parts': request({
    body: {
      type: 'multipart',
      parts: [
        { kind: 'text', key: 'meta', value: '{"x":1}', contentType: 'application/json' },
        { kind: 'text', key: 'note', value: 'line 1\nline 2', enabled: false },
        { kind: 'file', key: 'upload', path: '/tmp/ünïcödé file.png', contentType: 'image/png' },
        { kind: 'file', key: 'plain', path: 'C:\\Users\\tester\\data.bin' },
      ],
    },
  }),
  binary: request({
    body: { type: 'binary', path: '/data/blob.bin', contentType: 'application/zip' },
  }),
  'binary without content type': request({ body: { type: 'binary', path: '/data/blob.bin' } }),
  'auth inherit': request({ auth: { type: 'inherit' } }),
  'auth basic': request({ auth: { type: 'basic', username: 'zoë', password: 'p@ss:wörd' } }),
  'auth bearer': request({ auth: { type: 'bearer', token: '{{token}}' } }),
  'auth apikey header': request({
    auth: { type: 'apikey', key: 'X-API-Key', value: 'k', in: 'header' },
  }),
  'auth apikey query': request({
    auth: { type: 'apikey', key: 'api_key', value: 'k', in: 'query' },
  }),
  'params with disabled rows': request({
    params: [
      { key: 'page', value: '2', enabled: true },
      { key: 'debug', value: 'true', enabled: false },
      { key: 'q', value: '{{term}} & more', enabled: true },
    ],
  }),
  'headers with duplicates and casing': request({
    headers: [
      { key: 'X-Trace', value: '1', enabled: true },
      { key: 'x-trace', value: '2', enabled: true },
      { key: 'Accept', value: 'application/json', enabled: false },
      { key: 'COOKIE', value: 'a=1; b=2', enabled: true },
    ],
  }),
  settings: request({
    settings: {
      timeoutMs: 1500,
      followRedirects: false,
      maxRedirects: 3,
      verifyTls: false,
      maxResponseBytes: 1024,
    },
  }),
  'unicode name, url and values': request({
    name: 'Ünïcødé 請求 🚀 طلب',
    method: 'PROPFIND',
    url: 'https://例え.jp/пути?q=ß',
    headers: [{ key: 'X-Émoji', value: '👩‍💻 e\u0301', enabled: true }],
    variables: [{ name: 'ключ', value: '值', enabled: true, secret: false }],
  }),
  '1 MB body on one line': request({
    body: { type: 'raw', contentType: 'text/plain', text: megabyte },
  }),
  '1 MB body of lines': request({ body: { type: 'json', text: megabyteOfLines } }),
}

describe('every request shape survives a save and a read unchanged', () => {
  for (const [label, shape] of Object.entries(shapes)) {
    it(label, async () => {
      const snapshot = await service.snapshot()
      const path = await service.saveRequest(null, '', { ...shape, name: `${label}` })
      const read = await service.readRequest(path)
      expect(read).toEqual({ ...shape, name: label })

      // Saving what was read gives the same bytes: the format is stable.
      const file = join(snapshot.dir, ...path.split('/'))
      const first = readFileSync(file, 'utf8')
      await service.saveRequest(path, '', read)
      expect(readFileSync(file, 'utf8')).toBe(first)
    })
  }
})

describe('the file is pretty, stably ordered and diff-friendly', () => {
  const rich = request({
    name: 'Create user',
    method: 'POST',
    headers: [{ key: 'Accept', value: '*/*', enabled: true }],
    body: { type: 'json', text: '{\n  "a": 1\n}' },
    auth: { type: 'bearer', token: 't' },
    variables: [{ name: 'id', value: '7', enabled: true, secret: false }],
  })

  it('puts schemaVersion and name first, then a fixed order, two-space indented, newline-terminated', () => {
    const text = requestText(rich)
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "name": "Create user",\n')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    expect(Object.keys(JSON.parse(text))).toEqual([
      'schemaVersion',
      'name',
      'method',
      'url',
      'params',
      'headers',
      'body',
      'auth',
      'settings',
      'variables',
    ])
    expect(text).toContain(
      '    {\n      "key": "Accept",\n      "value": "*/*",\n      "enabled": true\n    }',
    )
  })

  it('gives the same bytes whatever order the object had its keys in', () => {
    const shuffled = Object.fromEntries(Object.entries(rich).reverse()) as SavedRequest
    expect(requestText(shuffled)).toBe(requestText(rich))
  })

  it('writes a multi-line body as one JSON string per line', () => {
    const body = JSON.parse(requestText(rich)).body
    expect(body).toEqual({ type: 'json', textLines: ['{', '  "a": 1', '}'] })
    const crlf = JSON.parse(
      requestText(
        request({ body: { type: 'raw', contentType: 'text/csv', text: 'a,b\r\n1,2\r\n' } }),
      ),
    ).body
    expect(crlf).toEqual({
      type: 'raw',
      contentType: 'text/csv',
      lineBreak: 'crlf',
      textLines: ['a,b', '1,2', ''],
    })
  })

  it('reads a body written by hand as "text" or as "textLines"', () => {
    const base = { schemaVersion: 1, name: 'R', method: 'GET', url: '' }
    const asText = parseRequest(
      JSON.stringify({ ...base, body: { type: 'json', text: '{}' } }),
      'R.request.json',
    )
    const asLines = parseRequest(
      JSON.stringify({ ...base, body: { type: 'json', textLines: ['{', '}'] } }),
      'R.request.json',
    )
    expect(asText.ok && asText.value.body).toEqual({ type: 'json', text: '{}' })
    expect(asLines.ok && asLines.value.body).toEqual({ type: 'json', text: '{\n}' })
  })

  it('writes secret variables with an empty value', () => {
    const text = environmentText({
      schemaVersion: 1,
      name: 'staging',
      variables: [
        { name: 'token', value: 'SENTINEL-value', enabled: true, secret: true },
        { name: 'host', value: 'api.test', enabled: true, secret: false },
      ],
    })
    expect(text).not.toContain('SENTINEL')
    const parsed = parseEnvironment(text, 'environments/staging.env.json')
    expect(parsed.ok && parsed.value.variables.map((v) => v.value)).toEqual(['', 'api.test'])
  })
})

describe('a file that cannot be used is a problem naming it and what is wrong', () => {
  const path = 'Users/Get user.request.json'

  it('broken JSON: the line and column', () => {
    const result = parseRequest('{\n  "name": "x",\n  "method": "GET",,\n}\n', path)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.path).toBe(path)
    expect(result.problem.message).toMatch(/^Users\/Get user\.request\.json: line 3, column \d+: /)
    expect(result.problem.message).toMatch(/Fix it in an editor/)
  })

  it('a field of the wrong shape: the field', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      name: 'x',
      method: 'GET',
      url: '',
      body: { type: 'yaml' },
    })
    const result = parseRequest(text, path)
    expect(!result.ok && result.problem.message).toMatch(
      /^Users\/Get user\.request\.json: field body\.type: /,
    )
  })

  it('a missing field: which one', () => {
    const result = parseRequest(JSON.stringify({ schemaVersion: 1, name: 'x', url: '' }), path)
    expect(!result.ok && result.problem.message).toMatch(/field method: is missing/)
  })

  it('an empty file, a JSON array, bad textLines', () => {
    expect(parseRequest('', path)).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/empty/) },
    })
    expect(parseRequest('[]', path)).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/object/) },
    })
    const bad = JSON.stringify({
      name: 'x',
      method: 'GET',
      url: '',
      body: { type: 'json', textLines: [1] },
    })
    expect(parseRequest(bad, path)).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/body\.textLines/) },
    })
  })

  it('a newer format: says to update Courier', () => {
    const text = JSON.stringify({ schemaVersion: 99, name: 'W' })
    const result = parseManifest(text, 'courier.json')
    expect(!result.ok && result.problem.message).toMatch(
      /^courier\.json: .*newer Courier.*Update Courier/,
    )
  })

  it('a byte order mark (Windows Notepad) is accepted', () => {
    const result = parseManifest(
      `\ufeff${JSON.stringify({ schemaVersion: 1, name: 'W' })}`,
      'courier.json',
    )
    expect(result.ok).toBe(true)
  })
})

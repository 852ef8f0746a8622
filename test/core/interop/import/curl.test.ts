import { describe, expect, it } from 'vitest'
import { parseCurl } from '../../../../electron/core/interop/import/curl'
import { importText } from '../../../../electron/core/interop/import/importText'
import { ImportError } from '../../../../electron/core/interop/interopTypes'
import { fixture } from './fixtures'

describe('parseCurl', () => {
  it('reads a multi-line command with quoting and every common flag', () => {
    const { spec, notes } = parseCurl(fixture('commands.curl'))
    expect(spec).toEqual({
      method: 'POST',
      url: 'https://api.curl.test/users?team=qa',
      params: [],
      headers: [
        { key: 'X-Trace', value: 'a b', enabled: true },
        { key: 'Cookie', value: 'session=abc; lang=en', enabled: true },
        { key: 'Accept-Encoding', value: 'gzip, deflate, br', enabled: true },
      ],
      body: { type: 'json', text: '{"name": "Jane \\"JD\\" Doe"}' },
      auth: { type: 'basic', username: 'alice', password: 's3cret' },
      settings: { verifyTls: false, followRedirects: true, timeoutMs: 2500 },
    })
    expect(notes).toContain('--compressed became the header Accept-Encoding: gzip, deflate, br.')
  })

  it('does not follow redirects without -L, and says so', () => {
    const { spec, notes } = parseCurl('curl https://x.test')
    expect(spec.settings.followRedirects).toBe(false)
    expect(notes.join('\n')).toContain('without -L')
  })

  it('reads -d pairs as a form and --data-urlencode encoded values', () => {
    expect(
      parseCurl(`curl https://x.test -d a=1 -d 'b=two words' --data-urlencode 'q=x&y'`).spec,
    ).toMatchObject({
      method: 'POST',
      body: {
        type: 'form',
        fields: [
          { key: 'a', value: '1', enabled: true },
          { key: 'b', value: 'two words', enabled: true },
          { key: 'q', value: 'x&y', enabled: true },
        ],
      },
    })
  })

  it('reads --json as a JSON body', () => {
    const { spec } = parseCurl(`curl --json '{"a":1}' https://x.test`)
    expect(spec.body).toEqual({ type: 'json', text: '{"a":1}' })
    expect(spec.headers).toEqual([{ key: 'Accept', value: 'application/json', enabled: true }])
  })

  it('keeps a raw body with its Content-Type', () => {
    const { spec } = parseCurl(
      `curl https://x.test -H 'Content-Type: text/xml' --data-binary '<a>1</a>'`,
    )
    expect(spec.body).toEqual({ type: 'raw', text: '<a>1</a>', contentType: 'text/xml' })
    expect(spec.headers).toEqual([])
  })

  it('turns -d @file and --data-binary @file into a file body to confirm, never read', () => {
    for (const flag of ['-d', '--data-binary']) {
      const { spec, notes } = parseCurl(
        `curl https://x.test ${flag} @/etc/passwd -H 'Content-Type: application/octet-stream'`,
      )
      expect(spec.body).toEqual({
        type: 'binary',
        path: '/etc/passwd',
        contentType: 'application/octet-stream',
      })
      expect(notes.join('\n')).toContain('confirm the file')
    }
  })

  it('turns -F fields into multipart parts, files kept as paths to confirm', () => {
    const { spec, notes } = parseCurl(
      `curl https://x.test -F 'name=value' -F 'file=@~/a b.png;type=image/png' -F 'doc=<notes.txt'`,
    )
    expect(spec.body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'text', key: 'name', value: 'value', enabled: true },
        { kind: 'file', key: 'file', path: '~/a b.png', enabled: true, contentType: 'image/png' },
        { kind: 'file', key: 'doc', path: 'notes.txt', enabled: true },
      ],
    })
    expect(notes.filter((n) => n.includes('confirm the file'))).toHaveLength(2)
  })

  it('reads -u without a password, -X, --max-redirs and line continuations', () => {
    const { spec } = parseCurl(
      'curl \\\n  -X PATCH \\\n  -u bob \\\n  --max-redirs 3 \\\n  https://x.test/a',
    )
    expect(spec).toMatchObject({
      method: 'PATCH',
      url: 'https://x.test/a',
      auth: { type: 'basic', username: 'bob', password: '' },
      settings: { maxRedirects: 3 },
    })
  })

  it('keeps shell expansions as inert text and notes them', () => {
    const { spec, notes } = parseCurl(
      `curl "https://x.test/\${HOME}" -H "X-User: $(whoami)" -H 'X-Raw: \`id\`'`,
    )
    expect(spec.url).toBe('https://x.test/${HOME}')
    expect(spec.headers).toEqual([
      { key: 'X-User', value: '$(whoami)', enabled: true },
      { key: 'X-Raw', value: '`id`', enabled: true },
    ])
    expect(notes.length).toBeGreaterThan(0)
  })

  it('notes options it does not carry over and cookie files it does not read', () => {
    const { notes } = parseCurl('curl --proxy http://p:1 -b cookies.txt https://x.test')
    const text = notes.join('\n')
    expect(text).toContain('--proxy')
    expect(text).toContain('cookie files are not read')
  })

  it('refuses what is not a curl command with a URL', () => {
    expect(() => parseCurl('wget https://x.test')).toThrow(ImportError)
    expect(() => parseCurl('curl')).toThrow(/no URL|could not be read/)
  })
})

describe('curl import', () => {
  it('is detected by content and becomes one request', async () => {
    const result = await importText(fixture('commands.curl'), { fileName: 'commands.curl' })
    expect(result.format).toBe('curl')
    expect(result.root.name).toBe('commands')
    expect(result.root.requests).toHaveLength(1)
    expect(result.root.requests[0]).toMatchObject({
      name: 'POST api.curl.test/users',
      method: 'POST',
      auth: { type: 'basic' },
    })
  })
})

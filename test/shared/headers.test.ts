import { describe, expect, it } from 'vitest'
import {
  implicitHeaders,
  mergeHeaders,
  previewHeaders,
  USER_AGENT,
} from '../../shared/logic/headers'
import { OAuth2AuthSchema } from '../../shared/model/oauth2'
import { emptyRequest, type RequestSpec } from '../../shared/model/request'

const spec = (over: Partial<RequestSpec>): RequestSpec => ({ ...emptyRequest(), ...over })

describe('mergeHeaders', () => {
  it('keeps user casing, order and duplicates, then adds the implicit ones', () => {
    const headers = mergeHeaders(
      spec({
        headers: [
          { key: 'x-Trace', value: '1', enabled: true },
          { key: 'X-Dup', value: 'a', enabled: true },
          { key: 'X-Dup', value: 'b', enabled: true },
          { key: 'X-Off', value: 'no', enabled: false },
        ],
        body: { type: 'json', text: '{}' },
      }),
    )
    expect(headers).toEqual([
      ['x-Trace', '1'],
      ['X-Dup', 'a'],
      ['X-Dup', 'b'],
      ['Content-Type', 'application/json'],
      ['User-Agent', USER_AGENT],
      ['Accept', '*/*'],
      ['Accept-Encoding', 'gzip, deflate, br'],
    ])
  })

  it('lets a user header override an implicit one, whatever its casing', () => {
    const s = spec({
      headers: [{ key: 'content-type', value: 'application/vnd.api+json', enabled: true }],
      body: { type: 'json', text: '{}' },
    })
    expect(mergeHeaders(s).filter(([n]) => n.toLowerCase() === 'content-type')).toEqual([
      ['content-type', 'application/vnd.api+json'],
    ])
    expect(implicitHeaders(s).find((h) => h.name === 'Content-Type')?.overridden).toBe(true)
  })

  it('adds auth headers: Basic in UTF-8 base64, Bearer, API key in a header', () => {
    const basic = mergeHeaders(
      spec({ auth: { type: 'basic', username: 'jürgen', password: 'p:w' } }),
    )
    expect(basic).toContainEqual([
      'Authorization',
      `Basic ${Buffer.from('jürgen:p:w').toString('base64')}`,
    ])
    expect(mergeHeaders(spec({ auth: { type: 'bearer', token: 'abc' } }))).toContainEqual([
      'Authorization',
      'Bearer abc',
    ])
    expect(
      mergeHeaders(spec({ auth: { type: 'apikey', key: 'X-API-Key', value: 'k', in: 'header' } })),
    ).toContainEqual(['X-API-Key', 'k'])
    expect(
      mergeHeaders(spec({ auth: { type: 'apikey', key: 'api_key', value: 'k', in: 'query' } })).map(
        ([n]) => n,
      ),
    ).not.toContain('api_key')
  })

  it('leaves multipart Content-Type to the engine, which knows the boundary', () => {
    const headers = mergeHeaders(spec({ body: { type: 'multipart', parts: [] } }))
    expect(headers.map(([n]) => n)).not.toContain('Content-Type')
  })
})

describe('previewHeaders', () => {
  const rows = (s: RequestSpec) =>
    previewHeaders(s).map(
      (h) => `${h.name}: ${h.value} (${h.source}${h.overridden ? ', replaced' : ''})`,
    )

  it('lists the headers Digest, AWS Signature V4 and OAuth 2.0 make when sent, none of them sent as written', () => {
    const digest = spec({ auth: { type: 'digest', username: 'u', password: 'p' } })
    expect(rows(digest)).toContain(
      "Authorization: Digest <answers the server's challenge> (computed)",
    )
    const aws = spec({
      auth: {
        type: 'awsv4',
        accessKeyId: 'AKID',
        secretAccessKey: 'SECRET',
        sessionToken: 'TOKEN-123',
        region: 'eu-west-1',
        service: 'execute-api',
      },
    })
    const awsRows = rows(aws)
    expect(awsRows.filter((r) => r.includes('(computed)')).map((r) => r.split(':')[0])).toEqual([
      'Authorization',
      'X-Amz-Date',
      'X-Amz-Content-Sha256',
      'X-Amz-Security-Token',
    ])
    // The session token is a secret: named, never shown.
    expect(awsRows.join('\n')).not.toContain('TOKEN-123')
    // Placeholders are for the eye only: the engine computes these headers itself.
    expect(mergeHeaders(digest).some(([n]) => n === 'Authorization')).toBe(false)
    expect(mergeHeaders(aws).some(([n]) => n.startsWith('X-Amz'))).toBe(false)
  })

  it("shows OAuth 2.0's token header replaced by a user's Authorization row, as sent", () => {
    const oauth = spec({
      auth: OAuth2AuthSchema.parse({ type: 'oauth2', tokenUrl: 'http://id.test/token' }),
      headers: [{ key: 'authorization', value: 'Bearer mine', enabled: true }],
    })
    expect(rows(oauth)).toContain(
      'Authorization: <token type> <OAuth 2.0 access token> (auth, replaced)',
    )
    // The defaults still come last, after the auth's rows.
    expect(rows(oauth).at(-1)).toBe('Accept-Encoding: gzip, deflate, br (default)')
  })
})

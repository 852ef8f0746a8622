import { describe, expect, it } from 'vitest'
import { implicitHeaders, mergeHeaders, USER_AGENT } from '../../shared/logic/headers'
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

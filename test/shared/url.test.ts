import { describe, expect, it } from 'vitest'
import { buildUrl, encodeQueryComponent, parseQuery, replaceQuery } from '../../shared/logic/url'

const rows = (...pairs: [string, string, boolean?][]) =>
  pairs.map(([key, value, enabled = true]) => ({ key, value, enabled }))

describe('buildUrl', () => {
  it('keeps the URL query as written: repeats, empty values, keys without =', () => {
    const r = buildUrl('http://h/p?a=1&a=2&empty=&flag')
    expect(r).toEqual({ ok: true, url: 'http://h/p?a=1&a=2&empty=&flag', host: 'h' })
  })

  it('appends enabled param rows after the URL query and skips disabled ones', () => {
    const r = buildUrl('http://h/p?x=1', rows(['q', 'a b&c'], ['off', '1', false], ['n', 'ü']))
    expect(r).toEqual({ ok: true, url: 'http://h/p?x=1&q=a%20b%26c&n=%C3%BC', host: 'h' })
  })

  it('adds http:// when no scheme is typed', () => {
    expect(buildUrl('localhost:3000/users')).toEqual({
      ok: true,
      url: 'http://localhost:3000/users',
      host: 'localhost:3000',
    })
  })

  it('keeps already-encoded input and encodes non-ASCII in the URL itself', () => {
    expect(buildUrl('http://h/a%20b?q=%41&w=ü')).toEqual({
      ok: true,
      url: 'http://h/a%20b?q=%41&w=%C3%BC',
      host: 'h',
    })
  })

  it('puts params before a fragment', () => {
    expect(buildUrl('http://h/p#frag', rows(['a', '1']))).toEqual({
      ok: true,
      url: 'http://h/p?a=1',
      host: 'h',
    })
  })

  it('sends spaces in the path and query as %20, as browsers do', () => {
    const r = buildUrl('http://h/my file?q=a b')
    expect(r.ok && r.url).toBe('http://h/my%20file?q=a%20b')
  })

  it.each([
    ['', 'empty'],
    ['http://exa mple.com', 'space'],
    ['http://', 'not a valid URL'],
    ['ftp://example.com/file', 'scheme "ftp"'],
    ['http://[::1', 'not a valid URL'],
  ])('refuses %j with a reason naming the problem', (input, words) => {
    const r = buildUrl(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).toContain(words)
      expect(r.hint.length).toBeGreaterThan(10)
    }
  })
})

describe('encodeQueryComponent', () => {
  it('encodes structure characters, keeps valid %XX and encodes a lone %', () => {
    expect(encodeQueryComponent('a&b=c#d+e f')).toBe('a%26b%3Dc%23d%2Be%20f')
    expect(encodeQueryComponent('already%20done')).toBe('already%20done')
    expect(encodeQueryComponent('100%')).toBe('100%25')
    expect(encodeQueryComponent('😀')).toBe('%F0%9F%98%80')
  })
})

describe('parseQuery / replaceQuery', () => {
  it('round-trips a query without decoding anything', () => {
    const url = 'https://h/p?a=1&flag&b=x%20y&a=2#top'
    const pairs = parseQuery(url)
    expect(pairs).toEqual([
      { key: 'a', value: '1', hasEquals: true },
      { key: 'flag', value: '', hasEquals: false },
      { key: 'b', value: 'x%20y', hasEquals: true },
      { key: 'a', value: '2', hasEquals: true },
    ])
    expect(replaceQuery(url, pairs)).toBe(url)
  })

  it('removes the ? when no pairs are left and keeps the fragment', () => {
    expect(replaceQuery('http://h/p?a=1#f', [])).toBe('http://h/p#f')
    expect(replaceQuery('http://h/p', [{ key: 'k', value: 'v', hasEquals: true }])).toBe(
      'http://h/p?k=v',
    )
  })
})

import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { context, entry, failed, ok, openStore, response, spec } from './helpers'

let store: HistoryStore
beforeEach(() => {
  store = openStore().store
})
afterEach(() => store.close())

const ids = (page: { entries: { id: number }[] }) => page.entries.map((e) => e.id)

describe('append and get', () => {
  it('keeps a response with its request as sent, the context and the time', () => {
    const edited = spec({ url: '{{base}}/users/1' })
    const summary = store.append(
      entry({
        at: 1_700_000_000_000,
        context: context({
          workspace: '/ws/shop',
          workspaceName: 'Shop',
          environment: 'dev',
          requestPath: 'Users/Get user.request.json',
          edited,
        }),
        result: ok({ status: 201, statusText: 'Created', body: '{"id":1}' }),
      }),
    )
    expect(summary).toMatchObject({
      at: 1_700_000_000_000,
      method: 'GET',
      url: 'https://api.example.com/users/1',
      status: 201,
      errorCode: null,
      durationMs: 20,
      sizeBytes: 8,
      workspace: '/ws/shop',
      workspaceName: 'Shop',
      environment: 'dev',
      requestPath: 'Users/Get user.request.json',
      source: 'app',
    })
    const got = store.get(summary.id)
    expect(got).toMatchObject({ ...summary, truncated: false, error: null, sentOnError: null })
    expect(got.edited).toEqual(edited)
    expect(got.response).toEqual(response({ status: 201, statusText: 'Created', body: '{"id":1}' }))
  })

  it('keeps a transport error with the request that would have gone out', () => {
    const summary = store.append(
      entry({
        spec: spec({
          method: 'POST',
          url: 'http://127.0.0.1:9/{{path}}',
          headers: [{ key: 'X-Test', value: 'yes', enabled: true }],
        }),
        variables: { path: 'orders' },
        result: failed('REFUSED'),
      }),
    )
    expect(summary).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:9/orders',
      status: null,
      errorCode: 'REFUSED',
      durationMs: null,
      sizeBytes: null,
    })
    const got = store.get(summary.id)
    expect(got.response).toBeNull()
    expect(got.error?.code).toBe('REFUSED')
    expect(got.sentOnError?.headers).toContainEqual(['X-Test', 'yes'])
    expect(store.list({ statusClasses: ['error'] }).entries.map((e) => e.id)).toEqual([summary.id])
  })

  it('cuts a body over the per-entry limit and says so', () => {
    store.setRetention({ ...store.getRetention(), maxBodyBytes: 2048 })
    const body = 'é'.repeat(3000) // 6000 bytes of UTF-8
    const summary = store.append(entry({ result: ok({ body }) }))
    const got = store.get(summary.id)
    expect(got.truncated).toBe(true)
    expect(got.response?.sizes.body).toBe(6000)
    expect(got.response?.body).toBe('é'.repeat(1024))
    expect(store.get(store.append(entry()).id).truncated).toBe(false)
  })

  it('keeps a binary body byte for byte', () => {
    const bytes = randomBytes(50_000).toString('base64')
    const summary = store.append(
      entry({ result: ok({ body: bytes, bodyEncoding: 'base64', mediaType: 'image/png' }) }),
    )
    expect(store.get(summary.id).response?.body).toBe(bytes)
  })

  it('says which entry is gone', () => {
    expect(() => store.get(12345)).toThrow('History entry 12345 no longer exists.')
  })
})

describe('search', () => {
  beforeEach(() => {
    store.append(entry({ result: ok({ body: '{"note":"a pelican landed"}' }) }))
    store.append(
      entry({
        result: ok({ headers: [['X-Trace', 'zebra42']], body: 'plain' }),
      }),
    )
    store.append(entry({ result: ok({ url: 'https://api.example.com/giraffes/7' }) }))
    store.append(entry({ spec: spec({ body: { type: 'json', text: '{"animal":"narwhal"}' } }) }))
    store.append(
      entry({
        result: ok({
          sent: { ...response().sent, headers: [['X-Client', 'ocelot']] },
          body: 'Café Müller 日本語',
        }),
      }),
    )
  })
  const find = (text: string) => store.list({ text }).entries.length

  it('finds a word only in a response body, also by its start', () => {
    expect(find('pelican')).toBe(1)
    expect(find('pelic')).toBe(1)
  })
  it('finds a word only in a response header or a request header', () => {
    expect(find('zebra42')).toBe(1)
    expect(find('ocelot')).toBe(1)
  })
  it('finds a word of the URL and of the request body', () => {
    expect(find('giraffes')).toBe(1)
    expect(find('api.example.com/giraffes')).toBe(1)
    expect(find('narwhal')).toBe(1)
  })
  it('ignores accents and reads any script', () => {
    expect(find('cafe muller')).toBe(1)
    expect(find('日本語')).toBe(1)
  })
  it('needs every word', () => {
    expect(find('pelican landed')).toBe(1)
    expect(find('pelican zebra42')).toBe(0)
  })
  it('takes any input without throwing', () => {
    for (const text of [
      '"',
      '*',
      'AND',
      'OR NOT',
      'NEAR(a b)',
      'a"b',
      '(',
      ')',
      '-',
      '^x',
      ':',
      '{',
      '🙂',
      'x'.repeat(500),
      ' ',
      "'; DROP TABLE entries; --",
    ]) {
      expect(() => store.list({ text })).not.toThrow()
    }
    expect(find('"pelican"')).toBe(1)
    expect(find('*')).toBe(5)
  })
})

describe('filters', () => {
  let a: number, b: number, c: number, d: number
  beforeEach(() => {
    a = store.append(
      entry({
        at: 1000,
        context: context({ workspace: '/w1', environment: 'dev', requestPath: 'A.request.json' }),
        result: ok({ sent: { ...response().sent, method: 'POST' }, status: 201 }),
      }),
    ).id
    b = store.append(
      entry({
        at: 2000,
        context: context({ workspace: '/w1', environment: 'prod' }),
        result: ok({
          status: 404,
          url: 'https://other.test:8443/x',
          sent: { ...response().sent, url: 'https://other.test:8443/x' },
        }),
      }),
    ).id
    c = store.append(
      entry({ at: 3000, context: context({ workspace: '/w2' }), result: ok({ status: 503 }) }),
    ).id
    d = store.append(entry({ at: 4000, result: failed('TIMEOUT') })).id
  })

  it('by method', () => {
    expect(ids(store.list({ methods: ['post'] }))).toEqual([a])
    expect(ids(store.list({ methods: ['GET'] }))).toEqual([d, c, b])
  })
  it('by status class', () => {
    expect(ids(store.list({ statusClasses: ['2xx'] }))).toEqual([a])
    expect(ids(store.list({ statusClasses: ['4xx', '5xx'] }))).toEqual([c, b])
    expect(ids(store.list({ statusClasses: ['error'] }))).toEqual([d])
  })
  it('by host, any case, with or without a port', () => {
    expect(ids(store.list({ host: 'other.test' }))).toEqual([b])
    expect(ids(store.list({ host: 'OTHER.test:8443' }))).toEqual([b])
    expect(ids(store.list({ host: 'api.example.com' }))).toEqual([d, c, a])
  })
  it('by workspace, environment and saved request', () => {
    expect(ids(store.list({ workspace: '/w1' }))).toEqual([b, a])
    expect(ids(store.list({ environment: 'prod' }))).toEqual([b])
    expect(ids(store.list({ requestPath: 'A.request.json' }))).toEqual([a])
  })
  it('by date range, both ends included', () => {
    expect(ids(store.list({ from: 2000, to: 3000 }))).toEqual([c, b])
    expect(ids(store.list({ from: 3500 }))).toEqual([d])
    expect(ids(store.list({ to: 1000 }))).toEqual([a])
  })
  it('combined with text', () => {
    expect(ids(store.list({ text: 'jane', workspace: '/w1', statusClasses: ['4xx'] }))).toEqual([b])
  })
})

describe('paging', () => {
  it('walks every entry once, newest first, even where times are equal', () => {
    const appended: { at: number; id: number }[] = []
    for (let i = 0; i < 250; i++) {
      // Runs of equal times test the id tie-break.
      const s = store.append(
        entry({ at: 10_000 + Math.floor(i / 7), result: ok({ body: `n${i} common` }) }),
      )
      appended.push({ at: s.at, id: s.id })
    }
    const expected = appended.sort((x, y) => y.at - x.at || y.id - x.id).map((e) => e.id)
    for (const text of ['', 'common']) {
      const seen: number[] = []
      let page = store.list({ limit: 40, text })
      seen.push(...ids(page))
      while (page.next) {
        page = store.list({ limit: 40, text, before: page.next })
        seen.push(...ids(page))
      }
      expect(seen).toEqual(expected)
    }
  })

  it('has no next page when the last one is exactly full', () => {
    for (let i = 0; i < 4; i++) store.append(entry({ at: i }))
    const first = store.list({ limit: 2 })
    expect(first.next).not.toBeNull()
    expect(store.list({ limit: 2, before: first.next }).next).toBeNull()
  })
})

describe('delete', () => {
  it('deletes entries by id, from the list and from the search index', () => {
    const one = store.append(entry({ result: ok({ body: 'walrus' }) })).id
    const two = store.append(entry()).id
    expect(store.delete([one, 999])).toBe(1)
    expect(ids(store.list())).toEqual([two])
    expect(store.list({ text: 'walrus' }).entries).toEqual([])
    expect(() => store.get(one)).toThrow()
  })

  it('deletes what a filter matches, and clears all', () => {
    store.append(entry({ result: ok({ status: 500 }) }))
    store.append(entry({ result: ok({ status: 502 }) }))
    const kept = store.append(entry()).id
    expect(store.deleteMatching({ statusClasses: ['5xx'] })).toBe(2)
    expect(ids(store.list())).toEqual([kept])
    store.append(entry())
    expect(store.clear()).toBe(2)
    expect(store.list().entries).toEqual([])
    expect(store.list({ text: 'jane' }).entries).toEqual([])
    expect(store.append(entry()).id).toBeGreaterThan(kept)
  })
})

describe('HAR export', () => {
  it('writes a HAR 1.2 log with requests, responses, timings and base64 bodies', () => {
    const first = store.append(entry({ at: 2000, result: ok({ headers: [['X-Known', 'here']] }) }))
    const binary = store.append(
      entry({
        at: 1000,
        result: ok({ body: 'AAEC', bodyEncoding: 'base64', mediaType: 'image/png' }),
      }),
    )
    const error = store.append(entry({ at: 3000, result: failed('DNS') }))
    const har = JSON.parse(store.exportHar([first.id, binary.id, error.id], '9.9.9'))
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual({ name: 'Courier', version: '9.9.9' })
    expect(har.log.entries).toHaveLength(3)
    const [bin, known, dns] = har.log.entries
    expect(known.startedDateTime).toBe(new Date(2000).toISOString())
    expect(known.response.headers).toContainEqual({ name: 'X-Known', value: 'here' })
    expect(known.request.headers).toContainEqual({ name: 'User-Agent', value: 'Courier/0.1' })
    expect(known.response.content).toMatchObject({
      mimeType: 'application/json',
      text: '{"id":1,"name":"Jane Roe"}',
    })
    expect(known.timings).toMatchObject({ dns: 1, connect: 5, ssl: 3, wait: 10, receive: 4 })
    expect(bin.response.content).toMatchObject({ text: 'AAEC', encoding: 'base64' })
    expect(dns.response.status).toBe(0)
    expect(dns._error.code).toBe('DNS')
  })
})

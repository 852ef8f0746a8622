import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeHeaders, implicitHeaders } from '../../shared/logic/headers'
import { rowsFromUrl, rowsOfRequest, urlFromRows } from '../../shared/logic/paramRows'
import {
  buildUrl,
  encodeQueryComponent,
  parseQuery,
  replaceQuery,
  serializeParams,
} from '../../shared/logic/url'
import { RequestSpecSchema } from '../../shared/model/request'

/**
 * The URL, params and header builders over arbitrary input: COURIER_FUZZ_RUNS cases each
 * (10,000 by default). They never throw; what they build keeps the user's rows.
 */
const RUNS = Number(process.env.COURIER_FUZZ_RUNS ?? 10_000)

// Small strings heavy in the characters URLs and headers treat specially.
const piece = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('?', '&', '=', '#', '%', '%2', '%zz', '%41', '/', ':', '@', '[', ']', ' ', '+'),
  fc.constantFrom('{{host}}', 'http://', 'https://x.test', '\u0000', '\ud800', '😀', 'ç', '\r\n'),
)
const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''))
const row = fc.record({ key: text, value: text, enabled: fc.boolean() })
const rows = fc.array(row, { maxLength: 5 })
const auth = fc.oneof(
  fc.constant({ type: 'none' }),
  fc.constant({ type: 'inherit' }),
  fc.record({ type: fc.constant('basic'), username: text, password: text }),
  fc.record({ type: fc.constant('bearer'), token: text }),
  fc.record({
    type: fc.constant('apikey'),
    key: text,
    value: text,
    in: fc.constantFrom('header', 'query'),
  }),
)
const body = fc.oneof(
  fc.constant({ type: 'none' }),
  fc.record({ type: fc.constant('json'), text }),
  fc.record({ type: fc.constant('form'), fields: rows }),
  fc.record({ type: fc.constant('raw'), text, contentType: text }),
)

describe('the URL and params builders', () => {
  it(`build a URL or say why not, for ${RUNS} URLs and param tables`, () => {
    fc.assert(
      fc.property(text, rows, (raw, params) => {
        const built = buildUrl(raw, params)
        if (built.ok) expect(typeof built.url).toBe('string')
        else expect(built.reason.length + built.hint.length).toBeGreaterThan(0)
        const query = serializeParams(params)
        // Every enabled, non-empty row is in the query, encoded: no raw & = # space or %.
        const sent = params.filter((r) => r.enabled && (r.key !== '' || r.value !== ''))
        expect(query === '' ? 0 : query.split('&').length).toBe(sent.length)
        expect(query).not.toMatch(/[#\s]/)
      }),
      { numRuns: RUNS },
    )
  })

  it(`keep the query as typed through parse and replace, for ${RUNS} URLs`, () => {
    fc.assert(
      fc.property(text, (url) => {
        expect(replaceQuery(url, parseQuery(url))).toBe(
          url.includes('?') && url.slice(url.indexOf('?') + 1).split('#')[0] === ''
            ? url.replace(/\?(?=#|$)/, '')
            : url,
        )
        for (const ch of encodeQueryComponent(url)) expect(ch.codePointAt(0)!).toBeLessThan(0x80)
      }),
      { numRuns: RUNS },
    )
  })

  it(`keep the params table and the URL in step, for ${RUNS} edits`, () => {
    fc.assert(
      fc.property(text, rows, text, (url, disabled, typed) => {
        const table = rowsOfRequest(url, disabled)
        const written = urlFromRows(url, table)
        expect(typeof written).toBe('string')
        const after = rowsFromUrl(table, typed)
        // The disabled rows live only in the table: an edit of the URL keeps them.
        expect(after.filter((r) => !r.enabled)).toHaveLength(table.filter((r) => !r.enabled).length)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('the header builder', () => {
  it(`merges the user's rows with the implicit headers, for ${RUNS} requests`, () => {
    fc.assert(
      fc.property(rows, auth, body, (headers, authValue, bodyValue) => {
        const spec = RequestSpecSchema.parse({
          method: 'POST',
          url: 'https://x.test',
          headers,
          auth: authValue,
          body: bodyValue,
        })
        const merged = mergeHeaders(spec)
        const users = headers.filter((r) => r.enabled && r.key.trim() !== '')
        expect(merged.slice(0, users.length).map(([k]) => k)).toEqual(
          users.map((r) => r.key.trim()),
        )
        for (const h of implicitHeaders(spec))
          if (!h.overridden && h.source !== 'body') expect(merged).toContainEqual([h.name, h.value])
      }),
      { numRuns: RUNS },
    )
  })
})

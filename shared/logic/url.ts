import type { KeyValueRow } from '../model/keyValue'

/** A URL the engine can send, or the reason it cannot. */
export type UrlCheck =
  /** `host`: the host, with its port unless the default, to name in failures. */
  { ok: true; url: string; host: string } | { ok: false; reason: string; hint: string }

const HEX2 = /^[0-9A-Fa-f]{2}$/
/** Unreserved characters and the sub-delimiters that do not change a query's structure. */
const QUERY_SAFE = /^[A-Za-z0-9\-._~!$'()*,;:@/?]$/

/**
 * Percent-encodes a query key or value the way testers expect from Postman: characters
 * that would change the query's structure (& = # + and space) or are not allowed are
 * encoded, while `%XX` sequences the user already wrote are kept as they are.
 */
export function encodeQueryComponent(text: string): string {
  let out = ''
  const bytes = new TextEncoder()
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '%') {
      out += HEX2.test(text.slice(i + 1, i + 3)) ? '%' : '%25'
      continue
    }
    if (QUERY_SAFE.test(ch)) {
      out += ch
      continue
    }
    const cp = text.codePointAt(i)!
    const char = String.fromCodePoint(cp)
    if (cp > 0xffff) i++
    for (const b of bytes.encode(char)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/** `key=value` for each enabled row, joined with `&`. */
export function serializeParams(rows: readonly KeyValueRow[]): string {
  return rows
    .filter((r) => r.enabled && (r.key !== '' || r.value !== ''))
    .map((r) => `${encodeQueryComponent(r.key)}=${encodeQueryComponent(r.value)}`)
    .join('&')
}

/** Adds `http://` when the user typed no scheme, as Postman and curl do. */
export function withScheme(raw: string): string {
  const trimmed = raw.trim()
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed
  return `http://${trimmed}`
}

/**
 * Builds the URL to send: the user's URL (query kept as written) plus the enabled
 * param rows appended. Refuses what no server could be asked for.
 */
export function buildUrl(raw: string, params: readonly KeyValueRow[] = []): UrlCheck {
  if (raw.trim() === '') {
    return {
      ok: false,
      reason: 'The URL is empty.',
      hint: 'Type a URL such as https://example.com/users.',
    }
  }
  const text = withScheme(raw)
  // Spaces in the path or query are sent as %20 (as browsers and Postman do); in the host
  // they can only be a typo.
  const authority = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? ''
  if (/\s/.test(authority)) {
    return {
      ok: false,
      reason: `The host in "${raw.trim()}" contains a space.`,
      hint: 'Remove the space from the host name, e.g. http://example.com/path.',
    }
  }
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    return {
      ok: false,
      reason: `"${raw.trim()}" is not a valid URL.`,
      hint: 'Check the host name and port, e.g. http://127.0.0.1:8080/path.',
    }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      ok: false,
      reason: `The scheme "${parsed.protocol.replace(':', '')}" is not supported.`,
      hint: 'Use a URL that starts with http:// or https://.',
    }
  }
  if (parsed.hostname === '') {
    return {
      ok: false,
      reason: `The URL "${raw.trim()}" has no host.`,
      hint: 'Add a host, e.g. http://localhost:3000.',
    }
  }
  const extra = serializeParams(params)
  if (extra === '') return { ok: true, url: parsed.href, host: parsed.host }
  // Append to the raw query so the URL's own pairs stay exactly as typed.
  const hashAt = parsed.href.indexOf('#')
  const base = hashAt === -1 ? parsed.href : parsed.href.slice(0, hashAt)
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'
  return { ok: true, url: base + separator + extra, host: parsed.host }
}

/** One pair of a query string, kept as written (no decoding). */
export interface RawQueryPair {
  key: string
  value: string
  /** false for a key written without `=`, like `?flag`. */
  hasEquals: boolean
}

/** Splits the query of a URL text into pairs without decoding anything. */
export function parseQuery(urlText: string): RawQueryPair[] {
  const q = urlText.indexOf('?')
  if (q === -1) return []
  const hash = urlText.indexOf('#', q)
  const query = urlText.slice(q + 1, hash === -1 ? undefined : hash)
  if (query === '') return []
  return query.split('&').map((part) => {
    const eq = part.indexOf('=')
    return eq === -1
      ? { key: part, value: '', hasEquals: false }
      : { key: part.slice(0, eq), value: part.slice(eq + 1), hasEquals: true }
  })
}

/** Writes pairs back into a URL text, replacing its query and keeping everything else as typed. */
export function replaceQuery(urlText: string, pairs: readonly RawQueryPair[]): string {
  const q = urlText.indexOf('?')
  const hashAt = urlText.indexOf('#', q === -1 ? 0 : q)
  const base = q === -1 ? (hashAt === -1 ? urlText : urlText.slice(0, hashAt)) : urlText.slice(0, q)
  const hash = hashAt === -1 ? '' : urlText.slice(hashAt)
  if (pairs.length === 0) return base + hash
  const query = pairs.map((p) => (p.hasEquals ? `${p.key}=${p.value}` : p.key)).join('&')
  return `${base}?${query}${hash}`
}

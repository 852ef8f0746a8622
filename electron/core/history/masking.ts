import { encodeQueryComponent } from '../../../shared/logic/url'
import type { RequestAuth } from '../../../shared/model/request'

/** What a secret becomes in history. */
export const MASK = '••••••'

/** Shorter secrets are masked where they stand whole (a header, a query value), not inside text. */
const MIN_SUBSTRING_LENGTH = 3

/** Headers whose whole value is a credential: the scheme word is kept, the rest masked. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization'])
/** The scheme word that starts a credential header's value (`Bearer`, `Basic`, ...). */
const SCHEME = /^[A-Za-z][\w-]*(?=\s)/

export interface MaskSources {
  /** Names of the secret variables. */
  secretNames: readonly string[]
  /** The values the request was resolved with. */
  variables: Readonly<Record<string, string>>
  /** The request's auth with variables resolved, or null when unknown. */
  auth: RequestAuth | null
  /** The headers sent: a credential typed as an Authorization header is a secret too. */
  headers?: readonly (readonly [string, string])[]
}

/**
 * Replaces secrets by MASK before anything reaches the history database: the values of
 * the secret variables and the auth credential, wherever they appear (as typed, percent-
 * or form-encoded, JSON-escaped, and Basic's base64), plus the whole value of credential
 * headers and of the API key's header or query parameter.
 */
export class Masker {
  private readonly substrings: string[]
  private readonly whole: Set<string>
  private readonly keyHeader: string | null
  private readonly keyParam: string | null

  constructor(sources: MaskSources) {
    const secrets = sources.secretNames
      .map((name) => sources.variables[name])
      .filter((v): v is string => typeof v === 'string')
    const auth = sources.auth
    if (auth?.type === 'bearer') secrets.push(auth.token)
    if (auth?.type === 'basic') {
      secrets.push(auth.password)
      secrets.push(Buffer.from(`${auth.username}:${auth.password}`).toString('base64'))
    }
    if (auth?.type === 'apikey') secrets.push(auth.value)
    for (const [name, value] of sources.headers ?? []) {
      if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue
      // The credential after the scheme word: masking it masks the whole value, scheme kept.
      secrets.push(value.trim().replace(SCHEME, '').trim())
    }
    const forms = new Set<string>()
    for (const secret of secrets) {
      if (secret === '') continue
      forms.add(secret)
      forms.add(encodeURIComponent(secret))
      forms.add(encodeQueryComponent(secret))
      forms.add(new URLSearchParams({ s: secret }).toString().slice(2))
      forms.add(JSON.stringify(secret).slice(1, -1))
    }
    this.whole = forms
    // Longest first, so a secret containing another is masked whole.
    this.substrings = [...forms]
      .filter((f) => f.length >= MIN_SUBSTRING_LENGTH)
      .sort((a, b) => b.length - a.length)
    this.keyHeader = auth?.type === 'apikey' && auth.in === 'header' ? auth.key.toLowerCase() : null
    this.keyParam = auth?.type === 'apikey' && auth.in === 'query' ? auth.key : null
  }

  /** Any text: every secret inside it masked. */
  text(value: string): string {
    if (this.whole.has(value)) return MASK
    let out = value
    for (const secret of this.substrings)
      if (out.includes(secret)) out = out.split(secret).join(MASK)
    return out
  }

  /** A URL: secrets masked, and the API key's query value and any password in it. */
  url(value: string): string {
    let out = value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)[^/?#@]*@/i, `$1${MASK}@`)
    const q = out.indexOf('?')
    if (this.keyParam !== null && q >= 0) {
      const hash = out.indexOf('#', q)
      const end = hash < 0 ? out.length : hash
      const query = out
        .slice(q + 1, end)
        .split('&')
        .map((pair) => {
          const at = pair.indexOf('=')
          const key = at < 0 ? pair : pair.slice(0, at)
          return decodeComponent(key) === this.keyParam ? `${key}=${MASK}` : pair
        })
        .join('&')
      out = out.slice(0, q + 1) + query + out.slice(end)
    }
    return this.text(out)
  }

  /** A header list: credential headers masked whole (scheme kept), every value's secrets masked. */
  headers(list: readonly (readonly [string, string])[]): [string, string][] {
    return list.map(([name, value]) => {
      const lower = name.toLowerCase()
      if (CREDENTIAL_HEADERS.has(lower)) {
        const scheme = SCHEME.exec(value.trim())?.[0]
        return [name, scheme ? `${scheme} ${MASK}` : MASK]
      }
      if (lower === this.keyHeader) return [name, MASK]
      return [name, this.text(value)]
    })
  }

  /** Every string inside a JSON-like value. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T
    }
    return value
  }
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

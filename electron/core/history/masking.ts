import { encodeQueryComponent } from '../../../shared/logic/url'
import type { RequestAuth } from '../../../shared/model/request'

/** What a secret becomes in history. */
export const MASK = '••••••'

/** Shorter secrets are masked where they stand whole (a header, a query value), not inside text. */
const MIN_SUBSTRING_LENGTH = 3

/** Headers whose whole value is a credential: the scheme word is kept, the rest masked. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-amz-security-token'])
/** Headers of cookies: each cookie's name is kept, its value masked. */
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie'])
/** The scheme word that starts a credential header's value (`Bearer`, `Basic`, ...). */
const SCHEME = /^[A-Za-z][\w-]*(?=\s)/
/** A value that is only a reference to a variable: nothing secret left in it. */
const REFERENCE = /^\{\{[^{}]+\}\}$/

export interface MaskSources {
  /** Names of the secret variables. */
  secretNames: readonly string[]
  /** The values the request was resolved with. */
  variables: Readonly<Record<string, string>>
  /** The request's auth with variables resolved, or null when unknown. */
  auth: RequestAuth | null
  /** The headers sent: a credential typed as an Authorization or Cookie header is a secret too. */
  headers?: readonly (readonly [string, string])[]
  /** The headers received: the values of their Set-Cookie cookies are secrets too. */
  responseHeaders?: readonly (readonly [string, string])[]
  /**
   * Keep Authorization, Proxy-Authorization, Cookie, Set-Cookie and the Auth tab's
   * credential as they were (the "keep credentials in history" setting). Secret variables
   * become their `{{name}}` reference either way.
   */
  keepCredentials?: boolean
}

/**
 * Replaces secrets before anything reaches the history database or a report, wherever they
 * appear (as typed, percent- or form-encoded, JSON-escaped, and Basic's base64): a secret
 * variable's value by its `{{name}}` reference (so a resend fills in the current value), and
 * unless credentials are kept, the auth credential, credential headers, the API key's header
 * or query value and every cookie value by MASK.
 */
export class Masker {
  /** Each form of a secret and what replaces it, longest first. */
  private readonly substrings: [string, string][]
  private readonly whole: Map<string, string>
  private readonly keyHeader: string | null
  private readonly keyParam: string | null
  private readonly keepCredentials: boolean

  constructor(sources: MaskSources) {
    const keep = sources.keepCredentials ?? false
    this.keepCredentials = keep
    const replaced: [string, string][] = []
    for (const name of sources.secretNames) {
      const value = sources.variables[name]
      if (typeof value === 'string') replaced.push([value, `{{${name}}}`])
    }
    const secretValues = replaced.map(([value]) => value).filter((v) => v !== '')
    const holdsSecret = (text: string) => secretValues.some((v) => text.includes(v))
    const auth = sources.auth
    const credentials: string[] = []
    if (auth?.type === 'bearer') credentials.push(auth.token)
    if (auth?.type === 'apikey') credentials.push(auth.value)
    if (auth?.type === 'oauth2')
      credentials.push(auth.clientSecret, auth.password, auth.refreshToken)
    if (auth?.type === 'digest' || auth?.type === 'ntlm') credentials.push(auth.password)
    if (auth?.type === 'awsv4') credentials.push(auth.secretAccessKey, auth.sessionToken)
    if (auth?.type === 'basic') {
      credentials.push(auth.password)
      // Base64 hides a secret password from its reference: masked even when credentials are kept.
      if (!keep || holdsSecret(auth.password)) {
        replaced.push([Buffer.from(`${auth.username}:${auth.password}`).toString('base64'), MASK])
      }
    }
    for (const [name, value] of sources.headers ?? []) {
      const lower = name.toLowerCase()
      // The credential after the scheme word: masking it masks the whole value, scheme kept.
      if (CREDENTIAL_HEADERS.has(lower)) credentials.push(value.trim().replace(SCHEME, '').trim())
      if (lower === 'cookie') credentials.push(...cookieValues(value))
    }
    for (const [name, value] of sources.responseHeaders ?? []) {
      if (name.toLowerCase() === 'set-cookie') credentials.push(...cookieValues(value, true))
    }
    if (!keep) for (const credential of credentials) replaced.push([credential, MASK])
    const forms = new Map<string, string>()
    for (const [secret, replacement] of replaced) {
      if (secret === '') continue
      for (const form of encodedForms(secret)) if (!forms.has(form)) forms.set(form, replacement)
    }
    this.whole = forms
    // Longest first, so a secret containing another is replaced whole.
    this.substrings = [...forms]
      .filter(([form]) => form.length >= MIN_SUBSTRING_LENGTH)
      .sort((a, b) => b[0].length - a[0].length)
    const apiKey = auth?.type === 'apikey' && !keep ? auth : null
    this.keyHeader = apiKey?.in === 'header' ? apiKey.key.toLowerCase() : null
    this.keyParam = apiKey?.in === 'query' ? apiKey.key : null
  }

  /** Any text: every secret inside it replaced. */
  text(value: string): string {
    const whole = this.whole.get(value)
    if (whole !== undefined) return whole
    let out = value
    for (const [secret, replacement] of this.substrings)
      if (out.includes(secret)) out = out.split(secret).join(replacement)
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

  /**
   * A header list: unless credentials are kept, credential headers masked whole (scheme
   * kept, or a `{{reference}}` when that is all they held) and each cookie's value masked
   * (names and attributes kept); every value's secrets replaced.
   */
  headers(list: readonly (readonly [string, string])[]): [string, string][] {
    return list.map(([name, value]) => {
      const lower = name.toLowerCase()
      if (this.keepCredentials) return [name, this.text(value)]
      if (CREDENTIAL_HEADERS.has(lower)) {
        const scheme = SCHEME.exec(value.trim())?.[0]
        const rest = this.text(value.trim().replace(SCHEME, '').trim())
        const kept = REFERENCE.test(rest) ? rest : MASK
        return [name, scheme ? `${scheme} ${kept}` : kept]
      }
      if (COOKIE_HEADERS.has(lower)) return [name, maskCookies(value, lower === 'set-cookie')]
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

/** A secret as typed and as it may appear encoded in a URL, a form or JSON. */
function encodedForms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    encodeQueryComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ]
}

/** The values of a Cookie header's cookies, or of a Set-Cookie's cookie (its first pair). */
function cookieValues(header: string, setCookie = false): string[] {
  const pairs = setCookie ? header.split(';').slice(0, 1) : header.split(';')
  return pairs
    .map((pair) => pair.slice(pair.indexOf('=') + 1).trim())
    .filter((v, i, all) => v !== '' && pairs[i]!.includes('=') && all.indexOf(v) === i)
}

/** `a=1; b=2` as `a=••••••; b=••••••`; a Set-Cookie keeps its attributes (Path, Expires...). */
function maskCookies(header: string, setCookie: boolean): string {
  const pairs = header.split(';')
  return pairs
    .map((pair, i) => {
      if ((setCookie && i > 0) || !pair.includes('=')) return pair
      return `${pair.slice(0, pair.indexOf('=') + 1)}${MASK}`
    })
    .join(';')
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

import type { IncomingHttpHeaders } from 'node:http'
import type { RedirectHop } from '../../../shared/model/response'
import { RequestFailure } from './requestFailure'

/**
 * A cookie jar the engine asks at every hop of an exchange (redirects included): what
 * Cookie header a URL gets, and what a response's Set-Cookie headers leave in the jar.
 */
export interface CookieHooks {
  /** The Cookie header value for `url`; '' for none. */
  cookieFor(url: string): string
  /** Keeps the Set-Cookie header values a response to `url` sent. */
  keep(setCookies: readonly string[], url: string): void
}

/** The values of a response's Set-Cookie header, however Node gave them. */
export function setCookieValues(value: string | string[] | number | undefined): string[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [String(value)]
}

/** What a RedirectTrail is told about the exchange it follows. */
export interface RedirectTrailOptions {
  /** The URL first requested; its origin is the only one trusted with credentials. */
  url: string
  /** The method first requested. */
  method: string
  /** The headers of the first request, credentials included. */
  sentHeaders: [string, string][]
  /** Names (lower case) of the headers in `sentHeaders` that carry credentials. */
  credentials: ReadonlySet<string>
  /** Send the credentials to any origin a redirect leads to (curl's --location-trusted). */
  keepAcrossOrigins: boolean
  /** Redirects followed at most; one more fails with TOO_MANY_REDIRECTS. */
  maxRedirects: number
  /** Called as each new hop starts (the timings measure the final hop). */
  onHop: () => void
  /** The jar, when the request's Cookie header is the jar's to set at every hop. */
  cookies?: CookieHooks | null
}

/** The request a redirect leads to. */
export interface NextHop {
  url: string
  method: string
  headers: [string, string][]
  /** 307 and 308 send the body again; the others go on as a GET without one. */
  keepsBody: boolean
}

/** A response's status and headers, as far as following it goes. */
export interface HopResponse {
  status: number
  headers: IncomingHttpHeaders
}

const isContentHeader = (name: string) => /^content-/i.test(name)

/**
 * Follows one exchange through its redirects, the engine asking after each response where
 * it leads (the engine sends each hop itself, so axios never needs its redirect layer).
 * Records each hop for the ResponseRecord and decides what the next request carries: the
 * method and body as browsers and curl do, credentials only to the first request's origin.
 */
export class RedirectTrail {
  /** Each redirect followed, in order. */
  readonly hops: RedirectHop[] = []
  private readonly origin: string
  private readonly credentials: ReadonlySet<string>
  private readonly cookies: CookieHooks | null
  private current: { url: string; method: string; headers: [string, string][] }

  constructor(private readonly options: RedirectTrailOptions) {
    this.origin = new URL(options.url).origin
    this.cookies = options.cookies ?? null
    // The jar decides the Cookie header of every hop by the cookies' own domains.
    const credentials = new Set(options.credentials)
    if (this.cookies) credentials.delete('cookie')
    this.credentials = credentials
    this.current = { url: options.url, method: options.method, headers: options.sentHeaders }
  }

  /** Where the exchange ended: the last redirect's target, or the URL first requested. */
  get finalUrl(): string {
    return this.current.url
  }

  /**
   * Records a response answered by sending the same request again with credentials (a
   * Digest 401 challenge): shown in the chain like a redirect to the same URL, and the
   * credentials it added go on with later redirects as the first request's would.
   */
  retried(status: number, scheme: string, headers: [string, string][]): void {
    this.hops.push({ status, url: this.current.url, location: this.current.url, challenge: scheme })
    this.current = { ...this.current, headers }
    if (this.current.url === this.options.url) this.options.sentHeaders = headers
    this.options.onHop()
  }

  /**
   * The request the response leads to, or null when it is the final one (not a 3xx with a
   * Location). Fails with TOO_MANY_REDIRECTS past the maximum, and with PROTOCOL for a
   * Location that is not an http(s) URL.
   */
  next(response: HopResponse): NextHop | null {
    const location = response.headers.location
    if (response.status < 300 || response.status >= 400 || !location) return null
    const followed = this.hops.filter((h) => h.challenge === undefined).length
    if (followed >= this.options.maxRedirects) throw tooManyRedirects(followed)
    const from = this.current
    const to = resolveLocation(location, from.url)
    // 301 and 302 after a POST, and 303 after anything but GET or HEAD, go on as a GET.
    const toGet =
      ((response.status === 301 || response.status === 302) && from.method === 'POST') ||
      (response.status === 303 && from.method !== 'GET' && from.method !== 'HEAD')
    const method = toGet ? 'GET' : from.method
    const carry = this.options.keepAcrossOrigins || new URL(to).origin === this.origin
    const stripped: string[] = []
    const headers: [string, string][] = []
    for (const [name, value] of from.headers) {
      const lower = name.toLowerCase()
      if (lower === 'host' || (toGet && isContentHeader(name))) continue
      if (this.cookies && lower === 'cookie') continue
      if (!carry && this.credentials.has(lower)) {
        if (!stripped.some((s) => s.toLowerCase() === lower)) stripped.push(name)
        continue
      }
      headers.push([name, value])
    }
    // Credentials held back from an earlier hop come back when the chain returns home.
    if (carry) {
      for (const [name, value] of this.options.sentHeaders) {
        const lower = name.toLowerCase()
        if (!this.credentials.has(lower) || headers.some(([n]) => n.toLowerCase() === lower))
          continue
        if (toGet && isContentHeader(name)) continue
        headers.push([name, value])
      }
    }
    if (this.cookies) {
      // What the redirect set counts for where it leads, as in a browser.
      this.cookies.keep(setCookieValues(response.headers['set-cookie']), from.url)
      const cookie = this.cookies.cookieFor(to)
      if (cookie !== '') headers.push(['Cookie', cookie])
    }
    this.hops.push({
      status: response.status,
      url: from.url,
      location: to,
      ...(stripped.length > 0 && { strippedHeaders: stripped }),
    })
    this.current = { url: to, method, headers }
    this.options.onHop()
    return { url: to, method, headers, keepsBody: !toGet }
  }
}

/** The absolute http(s) URL a Location header names, relative ones against `base`. */
function resolveLocation(location: string, base: string): string {
  let url: URL | null = null
  try {
    url = new URL(location, base)
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new RequestFailure(
      'PROTOCOL',
      `The server redirected to "${location}", which is not an http or https address.`,
      'Turn off "Follow redirects" in the request Settings to see the redirect itself, and tell the API owner.',
    )
  }
  return url.href
}

function tooManyRedirects(max: number): RequestFailure {
  return new RequestFailure(
    'TOO_MANY_REDIRECTS',
    `Stopped after ${max} redirects: the server keeps redirecting.`,
    'It may be a redirect loop. Turn off "Follow redirects" to see the first response, or raise the maximum.',
  )
}

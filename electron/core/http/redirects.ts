import type { AxiosRequestConfig } from 'axios'
import type { RedirectHop } from '../../../shared/model/response'

type BeforeRedirect = NonNullable<AxiosRequestConfig['beforeRedirect']>

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
  /** The headers of the first request, credentials included. */
  sentHeaders: [string, string][]
  /** Names (lower case) of the headers in `sentHeaders` that carry credentials. */
  credentials: ReadonlySet<string>
  /** Send the credentials to any origin a redirect leads to (curl's --location-trusted). */
  keepAcrossOrigins: boolean
  /** Called as each new hop starts (the timings measure the final hop). */
  onHop: () => void
  /** The jar, when the request's Cookie header is the jar's to set at every hop. */
  cookies?: CookieHooks | null
}

/**
 * Follows one exchange through its redirects: records each hop for the ResponseRecord and
 * decides which credentials the next request may carry. Pass `beforeRedirect` to axios.
 */
export class RedirectTrail {
  /** Each redirect followed, in order. */
  readonly hops: RedirectHop[] = []
  private readonly origin: string
  private readonly credentials: ReadonlySet<string>
  private readonly cookies: CookieHooks | null

  constructor(private readonly options: RedirectTrailOptions) {
    this.origin = new URL(options.url).origin
    this.cookies = options.cookies ?? null
    // The jar decides the Cookie header of every hop by the cookies' own domains.
    const credentials = new Set(options.credentials)
    if (this.cookies) credentials.delete('cookie')
    this.credentials = credentials
  }

  /** Where the exchange ended: the last redirect's target, or the URL first requested. */
  get finalUrl(): string {
    return this.hops.at(-1)?.location ?? this.options.url
  }

  readonly beforeRedirect: BeforeRedirect = (next, res, req) => {
    const location = String(next.href)
    // Credentials go to the request's own origin (scheme, host and port) only, unless the
    // request trusts wherever its redirects lead.
    const carry = this.options.keepAcrossOrigins || new URL(location).origin === this.origin
    const nextHeaders = next.headers as Record<string, string>
    for (const key of Object.keys(nextHeaders)) {
      if (this.credentials.has(key.toLowerCase())) delete nextHeaders[key]
    }
    const stripped: string[] = []
    for (const [name, value] of this.options.sentHeaders) {
      if (!this.credentials.has(name.toLowerCase())) continue
      if (carry) nextHeaders[name] = value
      else if (!stripped.some((s) => s.toLowerCase() === name.toLowerCase())) stripped.push(name)
    }
    this.hops.push({
      status: res.statusCode,
      url: req.url,
      location,
      ...(stripped.length > 0 && { strippedHeaders: stripped }),
    })
    this.options.onHop()
    if (this.cookies) {
      // What the redirect set counts for where it leads, as in a browser.
      this.cookies.keep(setCookieValues(res.headers['set-cookie']), req.url)
      for (const key of Object.keys(nextHeaders))
        if (key.toLowerCase() === 'cookie') delete nextHeaders[key]
      const cookie = this.cookies.cookieFor(location)
      if (cookie !== '') nextHeaders.Cookie = cookie
    }
  }
}

import type { AxiosRequestConfig } from 'axios'
import type { RequestAuth } from '../../../shared/model/request'
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

/** The header the request's auth puts its credentials in (lower case); none without auth. */
function credentialHeaders(auth: RequestAuth): Set<string> {
  if (auth.type === 'none' || auth.type === 'inherit') return new Set()
  return new Set([auth.type === 'apikey' ? auth.key.toLowerCase() : 'authorization'])
}

/**
 * Follows one exchange through its redirects: records each hop for the ResponseRecord and
 * decides which credentials the next request may carry. Pass `beforeRedirect` to axios.
 */
export class RedirectTrail {
  /** Each redirect followed, in order. */
  readonly hops: RedirectHop[] = []
  private readonly origin: string
  private readonly credentials: Set<string>

  /**
   * @param url the URL first requested; its origin is the only one trusted with credentials
   * @param sentHeaders the headers of the first request, credentials included
   * @param onHop called as each new hop starts (the timings measure the final hop)
   */
  constructor(
    private readonly url: string,
    private readonly sentHeaders: [string, string][],
    auth: RequestAuth,
    private readonly onHop: () => void,
    /** The jar, when the request's Cookie header is the jar's to set at every hop. */
    private readonly cookies: CookieHooks | null = null,
  ) {
    this.origin = new URL(url).origin
    this.credentials = credentialHeaders(auth)
  }

  /** Where the exchange ended: the last redirect's target, or the URL first requested. */
  get finalUrl(): string {
    return this.hops.at(-1)?.location ?? this.url
  }

  readonly beforeRedirect: BeforeRedirect = (next, res, req) => {
    this.hops.push({ status: res.statusCode, url: req.url, location: String(next.href) })
    this.onHop()
    // Credentials go to the request's own origin only, never to where a redirect leads.
    const sameOrigin = new URL(String(next.href)).origin === this.origin
    const nextHeaders = next.headers as Record<string, string>
    for (const key of Object.keys(nextHeaders)) {
      if (this.credentials.has(key.toLowerCase())) delete nextHeaders[key]
    }
    if (sameOrigin) {
      for (const [name, value] of this.sentHeaders)
        if (this.credentials.has(name.toLowerCase())) nextHeaders[name] = value
    }
    if (this.cookies) {
      // What the redirect set counts for where it leads, as in a browser.
      this.cookies.keep(setCookieValues(res.headers['set-cookie']), req.url)
      for (const key of Object.keys(nextHeaders))
        if (key.toLowerCase() === 'cookie') delete nextHeaders[key]
      const cookie = this.cookies.cookieFor(String(next.href))
      if (cookie !== '') nextHeaders.Cookie = cookie
    }
  }
}

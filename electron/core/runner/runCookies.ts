import { CookieJar } from 'tough-cookie'
import type { RequestSpec } from '../../../shared/model/request'
import type { ResponseRecord } from '../../../shared/model/response'

/**
 * The cookies of one run, as newman keeps them: what a response sets is sent with the
 * later requests of the run to the hosts it belongs to (RFC 6265 rules, by tough-cookie).
 * A request that sets its own Cookie header keeps it untouched.
 */
export class RunCookies {
  private readonly jar = new CookieJar()

  /** The spec with a Cookie header for `url` added, unless it has one or the jar has none. */
  withCookies(spec: RequestSpec, url: string): RequestSpec {
    const own = spec.headers.some((h) => h.enabled && h.key.trim().toLowerCase() === 'cookie')
    if (own) return spec
    let cookie = ''
    try {
      cookie = this.jar.getCookieStringSync(url)
    } catch {
      // Not an http(s) URL yet: the engine reports it; nothing to add.
      return spec
    }
    if (cookie === '') return spec
    return { ...spec, headers: [...spec.headers, { key: 'Cookie', value: cookie, enabled: true }] }
  }

  /** Keeps the response's Set-Cookie headers; a malformed cookie is ignored, as browsers do. */
  keep(response: ResponseRecord): void {
    for (const [name, value] of response.headers) {
      if (name.toLowerCase() !== 'set-cookie') continue
      try {
        this.jar.setCookieSync(value, response.url, { ignoreError: true })
      } catch {
        // ignoreError covers rejected cookies; a URL tough-cookie cannot read is skipped too.
      }
    }
  }
}

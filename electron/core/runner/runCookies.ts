import { CookieJar } from 'tough-cookie'
import type { CookieHooks } from '../http/redirects'

/**
 * The cookies of one run, as newman keeps them: what a response sets (a redirect's
 * included) is sent with the later requests of the run to the hosts it belongs to
 * (RFC 6265 rules, by tough-cookie). The engine asks it at every hop; a request that sets
 * its own Cookie header keeps it untouched.
 */
export class RunCookies implements CookieHooks {
  private readonly jar = new CookieJar()

  cookieFor(url: string): string {
    try {
      return this.jar.getCookieStringSync(url)
    } catch {
      // Not a URL tough-cookie can read: the engine reports the URL itself.
      return ''
    }
  }

  keep(setCookies: readonly string[], url: string): void {
    for (const value of setCookies) {
      try {
        // A malformed or rejected cookie is ignored, as browsers do.
        this.jar.setCookieSync(value, url, { ignoreError: true })
      } catch {
        // A URL tough-cookie cannot read: nothing to keep.
      }
    }
  }
}

import type { CookieJar } from 'tough-cookie'
import { JarCookies } from '../cookies/jarCookies'

/**
 * The cookies of one run, as newman keeps them: what a response sets (a redirect's
 * included) is sent with the later requests of the run to the hosts it belongs to
 * (RFC 6265 rules, by tough-cookie). The engine asks it at every hop; a request that sets
 * its own Cookie header keeps it untouched. `courier run --cookie-jar` hands it the jar
 * read from the file.
 *
 * Most runs never get a cookie, and asking tough-cookie costs about a quarter of a
 * millisecond per request (it parses the URL and walks the domain's permutations even in
 * an empty jar): until the jar holds a cookie, the answer is no Cookie header. Only this
 * object and the file it was read from fill a run's jar, so it knows when that changes.
 */
export class RunCookies extends JarCookies {
  private holdsCookies: boolean

  constructor(jar?: CookieJar) {
    super(jar)
    this.holdsCookies = jar !== undefined && (jar.serializeSync()?.cookies.length ?? 1) > 0
  }

  override cookieFor(url: string): string {
    return this.holdsCookies ? super.cookieFor(url) : ''
  }

  override changed(): void {
    this.holdsCookies = true
    super.changed()
  }

  override keep(setCookies: readonly string[], url: string): void {
    if (setCookies.length === 0) return
    // Set first: tough-cookie may keep a cookie even when a later one in the list fails.
    this.holdsCookies = true
    super.keep(setCookies, url)
  }
}

import { CookieJar } from 'tough-cookie'
import type { CookieHooks } from '../http/redirects'

/**
 * A tough-cookie jar as the engine asks it at every hop: what Cookie header a URL gets and
 * what a response's Set-Cookie headers leave (RFC 6265 domain, path, secure and expiry
 * rules). `onChange` runs after a response changed the jar, for a jar that is saved.
 */
export class JarCookies implements CookieHooks {
  constructor(
    readonly jar: CookieJar = new CookieJar(),
    private readonly onChange?: () => void,
  ) {}

  cookieFor(url: string): string {
    try {
      return this.jar.getCookieStringSync(url)
    } catch {
      // Not a URL tough-cookie can read: the engine reports the URL itself.
      return ''
    }
  }

  keep(setCookies: readonly string[], url: string): void {
    let changed = false
    for (const value of setCookies) {
      try {
        // A malformed or rejected cookie is ignored, as browsers do.
        changed = this.jar.setCookieSync(value, url, { ignoreError: true }) !== undefined || changed
      } catch {
        // A URL tough-cookie cannot read: nothing to keep.
      }
    }
    if (changed) this.onChange?.()
  }

  /** Something other than a response changed the jar (a script, through pm.cookies.jar()). */
  changed(): void {
    this.onChange?.()
  }
}

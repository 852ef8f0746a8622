import { Cookie } from 'tough-cookie'
import type { ScriptCookie, ScriptCookieJar, ScriptHost } from '../checks/scriptPort'
import type { JarCookies } from './jarCookies'

/** What the scripts of a send or run reach of its jar: pm.cookies.jar(), and pm.sendRequest's cookies. */
export function scriptHostOf(cookies: JarCookies | null | undefined): ScriptHost {
  return cookies ? { cookies: new ScriptJar(cookies), requestCookies: cookies } : {}
}

/**
 * Bounds on what scripts may put in a jar, which lives outside the sandbox's memory limit:
 * a cookie's text (browsers keep 4 KB), and how many cookies scripts set in one jar.
 */
export const MAX_SCRIPT_COOKIE_CHARS = 8 * 1024
export const MAX_SCRIPT_COOKIES = 10_000
const setByScripts = new WeakMap<JarCookies, number>()

/**
 * pm.cookies.jar() on a JarCookies (the run's, or the workspace's), as newman gives it the
 * run's jar: what a script sets is sent with the next requests, and what responses set is
 * what it reads. Domain, path, secure and expiry rules are tough-cookie's, as the engine's.
 * A script's Set-Cookie text is read leniently, as Postman's jar does (`looseMode`).
 */
export class ScriptJar implements ScriptCookieJar {
  constructor(private readonly cookies: JarCookies) {}

  async get(url: string, name: string): Promise<string | null> {
    return (await this.named(url, name))?.value ?? null
  }

  async getAll(url: string, options: { http?: boolean; secure?: boolean }) {
    const found = await this.cookies.jar.getCookies(url, {
      http: options.http ?? true,
      ...(options.secure !== undefined && { secure: options.secure }),
    })
    return found.map(toScriptCookie)
  }

  async set(url: string, cookie: ScriptCookie | string): Promise<ScriptCookie | null> {
    const chars = typeof cookie === 'string' ? cookie.length : JSON.stringify(cookie).length
    if (chars > MAX_SCRIPT_COOKIE_CHARS)
      throw new Error(`A cookie may hold at most 8 KB; this one has ${chars} characters.`)
    const count = setByScripts.get(this.cookies) ?? 0
    if (count >= MAX_SCRIPT_COOKIES)
      throw new Error(
        `Scripts have set ${MAX_SCRIPT_COOKIES} cookies in this jar; no more are kept.`,
      )
    setByScripts.set(this.cookies, count + 1)
    const made = typeof cookie === 'string' ? cookie : fromScriptCookie(cookie)
    const kept = await this.cookies.jar.setCookie(made, url, { loose: true })
    this.cookies.changed()
    return kept ? toScriptCookie(kept) : null
  }

  async unset(url: string, name: string): Promise<void> {
    const found = await this.named(url, name)
    if (found) await this.remove([found])
  }

  async clear(url: string): Promise<void> {
    await this.remove(await this.cookies.jar.getCookies(url))
  }

  private async named(url: string, name: string): Promise<Cookie | undefined> {
    return (await this.cookies.jar.getCookies(url)).find((c) => c.key === name)
  }

  private async remove(found: Cookie[]): Promise<void> {
    const { store } = this.cookies.jar
    for (const c of found) await store.removeCookie(c.domain, c.path, c.key)
    if (found.length > 0) this.cookies.changed()
  }
}

function fromScriptCookie(c: ScriptCookie): Cookie {
  const cookie = new Cookie({ key: c.name, value: c.value })
  if (c.domain !== undefined) cookie.domain = c.domain
  if (c.path !== undefined) cookie.path = c.path
  if (c.expires !== undefined) cookie.expires = new Date(c.expires)
  if (c.maxAge !== undefined) cookie.maxAge = c.maxAge
  if (c.secure !== undefined) cookie.secure = c.secure
  if (c.httpOnly !== undefined) cookie.httpOnly = c.httpOnly
  if (c.hostOnly !== undefined) cookie.hostOnly = c.hostOnly
  return cookie
}

/** Postman's Cookie as JSON: its `name` is tough-cookie's `key`. */
function toScriptCookie(c: Cookie): ScriptCookie {
  const expires = c.expires instanceof Date ? c.expires.toISOString() : undefined
  const maxAge = typeof c.maxAge === 'number' && Number.isFinite(c.maxAge) ? c.maxAge : undefined
  return {
    name: c.key,
    value: c.value,
    ...(c.domain && { domain: c.domain }),
    ...(c.path && { path: c.path }),
    ...(expires !== undefined && { expires }),
    ...(maxAge !== undefined && { maxAge }),
    secure: c.secure,
    httpOnly: c.httpOnly,
    hostOnly: c.hostOnly ?? false,
  }
}

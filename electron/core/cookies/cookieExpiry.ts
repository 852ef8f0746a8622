import type { Cookie } from 'tough-cookie'

/**
 * When a cookie expires, in ms since the epoch; null for a session cookie. Max-Age wins
 * over Expires (RFC 6265 5.3), counted from when the cookie was set.
 */
export function expiryMs(cookie: Cookie): number | null {
  const at = cookie.expiryTime()
  return at === undefined || !Number.isFinite(at) ? null : at
}

/** Still alive at `now`. */
export function isAlive(cookie: Cookie, now = Date.now()): boolean {
  const at = expiryMs(cookie)
  return at === null || at > now
}

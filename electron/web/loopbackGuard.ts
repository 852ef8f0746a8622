import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh per-run access token: 32 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The names a browser on this machine may use for the host (it binds 127.0.0.1 only). */
function loopbackAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

/**
 * Whether the Host header names this host. Refusing any other name defeats DNS
 * rebinding: a page on evil.example re-pointed to 127.0.0.1 still sends its own name.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && loopbackAuthorities(port).includes(host.toLowerCase())
}

/** Whether a WebSocket's Origin is a page served by this host (and not any other site). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return (
    origin !== undefined &&
    loopbackAuthorities(port).some((authority) => origin.toLowerCase() === `http://${authority}`)
  )
}

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

import { createServer } from 'node:http'
import { listen, type RunningServer } from './listen'

/**
 * Sets and echoes cookies, for the cookie jar's RFC 6265 cases. Every request answers
 * `{"path": ..., "cookie": <its Cookie header or null>}`; each `set` query parameter is
 * sent back as one Set-Cookie header, as written (e.g. `?set=a%3D1%3B%20Path%3D%2Fa`).
 * `set64` does the same with the header base64url-encoded, for tests that look for a
 * cookie's value on disk (the history keeps the URL). Bind one on 127.0.0.1 and one on
 * 127.0.0.2 for the cases across hosts.
 */
export async function startCookieServer(host = '127.0.0.1'): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cookies.local')
    const setCookies = [
      ...url.searchParams.getAll('set'),
      ...url.searchParams.getAll('set64').map((v) => Buffer.from(v, 'base64url').toString()),
    ]
    req.resume()
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        ...(setCookies.length > 0 && { 'Set-Cookie': setCookies }),
      })
      res.end(JSON.stringify({ path: url.pathname, cookie: req.headers.cookie ?? null }))
    })
  })
  return listen(server, host)
}

/** The path of the cookie server that sets each of `setCookies`. */
export function setCookiePath(path: string, ...setCookies: string[]): string {
  return `${path}?${setCookies.map((c) => `set=${encodeURIComponent(c)}`).join('&')}`
}

/**
 * The routes of a PAC-style answer, in order, as FindProxyForURL and Electron's
 * `session.resolveProxy` give it: `"PROXY host:port; SOCKS5 host:port; DIRECT"`; null is
 * DIRECT. The engine tries the next one when a proxy cannot be reached. An answer with no
 * usable entry is DIRECT.
 */
export function routesOf(answer: string): (URL | null)[] {
  const routes: (URL | null)[] = []
  for (const entry of answer.split(';')) {
    const [kind = '', address = ''] = entry.trim().split(/\s+/)
    const scheme = SCHEMES[kind.toUpperCase()]
    if (kind.toUpperCase() === 'DIRECT') routes.push(null)
    else if (scheme && address) routes.push(new URL(`${scheme}//${address}`))
  }
  return routes.length > 0 ? routes : [null]
}

const SCHEMES: Record<string, string> = {
  PROXY: 'http:',
  HTTP: 'http:',
  HTTPS: 'https:',
  SOCKS: 'socks5:',
  SOCKS4: 'socks4:',
  SOCKS5: 'socks5:',
}

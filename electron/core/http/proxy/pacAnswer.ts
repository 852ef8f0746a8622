/**
 * The first usable proxy in a PAC-style answer, as FindProxyForURL and Electron's
 * `session.resolveProxy` give it: `"PROXY host:port; SOCKS5 host:port; DIRECT"`.
 * Null means DIRECT. Only the first entry is used: trying the next one when a proxy
 * fails is not implemented (the failure names the proxy instead).
 */
export function firstProxyOf(answer: string): URL | null {
  for (const entry of answer.split(';')) {
    const [kind = '', address = ''] = entry.trim().split(/\s+/)
    const scheme = SCHEMES[kind.toUpperCase()]
    if (kind.toUpperCase() === 'DIRECT') return null
    if (scheme && address) return new URL(`${scheme}//${address}`)
  }
  return null
}

const SCHEMES: Record<string, string> = {
  PROXY: 'http:',
  HTTP: 'http:',
  HTTPS: 'https:',
  SOCKS: 'socks5:',
  SOCKS4: 'socks4:',
  SOCKS5: 'socks5:',
}

import { RequestFailure } from '../requestFailure'
import { tlsFailure, UNTRUSTED } from '../tlsFailure'

/** The proxy as shown to the tester: scheme, host and port, never its credentials. */
export function proxyLabel(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`
}

const CHECK_SETTINGS =
  'Check the proxy in Settings > Proxy (--proxy on the command line, or HTTP_PROXY / HTTPS_PROXY), or add the host to the no-proxy list.'

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'refused the connection: nothing is listening there',
  ENOTFOUND: 'could not be found (DNS lookup failed)',
  EAI_AGAIN: 'could not be found (DNS lookup failed)',
  ETIMEDOUT: 'did not answer in time',
  ECONNRESET: 'closed the connection',
  EHOSTUNREACH: 'is unreachable from this network',
  ENETUNREACH: 'is unreachable from this network',
}

/** Whether a failure's low-level code says the proxy could not be reached. */
export function unreachableCode(code: string | undefined): boolean {
  return code !== undefined && Object.hasOwn(UNREACHABLE, code)
}

/** Whether an exchange failed because its proxy could not be reached (axios wraps the failure). */
export function proxyUnreachable(error: unknown): boolean {
  let current = error as { cause?: unknown } | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof RequestFailure) {
      return current.code === 'PROXY' && unreachableCode(current.causeCode)
    }
    current = current.cause as { cause?: unknown } | undefined
  }
  return false
}

/** 407: the proxy wants credentials, or did not accept the ones sent. */
export function proxyAuthFailure(proxy: URL, target: string): RequestFailure {
  const sent = proxy.username !== '' || proxy.password !== ''
  return new RequestFailure(
    'PROXY',
    sent
      ? `The proxy ${proxyLabel(proxy)} did not accept the user name and password for ${target} (407 Proxy Authentication Required).`
      : `The proxy ${proxyLabel(proxy)} requires authentication to reach ${target} (407 Proxy Authentication Required).`,
    sent
      ? 'Check the proxy user name and password in Settings > Proxy (or user:password@ in --proxy).'
      : 'Add the user name and password in Settings > Proxy, or as http://user:password@host:port in --proxy.',
    'PROXY_AUTH',
  )
}

/** A CONNECT tunnel the proxy would not open (403, 502...). */
export function tunnelRefused(proxy: URL, target: string, status: number): RequestFailure {
  return new RequestFailure(
    'PROXY',
    `The proxy ${proxyLabel(proxy)} refused to open a tunnel to ${target} (CONNECT answered ${status}).`,
    `The proxy may not allow this host or port, or could not reach it. ${CHECK_SETTINGS}`,
    `CONNECT_${status}`,
  )
}

interface ErrorLike {
  code?: unknown
  message?: unknown
}

/** Why a connection through the proxy failed before the target answered. */
export function proxyConnectFailure(error: unknown, proxy: URL, target: string): RequestFailure {
  if (error instanceof RequestFailure) return error
  const { code, message } = (error ?? {}) as ErrorLike
  const text = typeof message === 'string' ? message : String(error)
  // The socks client drops the code of a failed connection to the proxy but keeps it in
  // its message ("connect ECONNREFUSED 127.0.0.1:1080").
  const errno = typeof code === 'string' ? code : /\b(E[A-Z]{4,})\b/.exec(text)?.[1]
  const reason = errno && Object.hasOwn(UNREACHABLE, errno) ? UNREACHABLE[errno] : undefined
  if (reason) {
    return new RequestFailure(
      'PROXY',
      `Could not reach the proxy ${proxyLabel(proxy)}: it ${reason}.`,
      `Is the proxy running? ${CHECK_SETTINGS}`,
      errno,
    )
  }
  const tls = typeof code === 'string' ? proxyTlsFailure(code, text, proxy, target) : null
  if (tls) return tls
  if (proxy.protocol.startsWith('socks')) {
    // The socks client words its failures as "Socks5 proxy rejected connection - HostUnreachable".
    const authentication = /authentication/i.test(text)
    return new RequestFailure(
      'PROXY',
      authentication
        ? `The SOCKS proxy ${proxyLabel(proxy)} did not accept the user name and password: ${text}.`
        : `The SOCKS proxy ${proxyLabel(proxy)} could not connect to ${target}: ${text}.`,
      authentication
        ? 'Check the proxy user name and password in Settings > Proxy (or user:password@ in --proxy).'
        : `The proxy may not allow this host or port, or could not reach it. ${CHECK_SETTINGS}`,
      'SOCKS',
    )
  }
  if (/authentication failed/i.test(text)) return proxyAuthFailure(proxy, target)
  return new RequestFailure(
    'PROXY',
    `The connection through the proxy ${proxyLabel(proxy)} to ${target} failed: ${text}`,
    CHECK_SETTINGS,
    typeof code === 'string' ? code : undefined,
  )
}

/**
 * A 407 to a plain-HTTP request forwarded by an HTTP proxy is the proxy's answer, not the
 * server's: the request never left the proxy, so it fails naming the proxy.
 */
export function proxyAnswerFailure(
  proxy: URL,
  hopUrl: string,
  status: number,
): RequestFailure | null {
  if (status !== 407 || proxy.protocol.startsWith('socks')) return null
  const target = new URL(hopUrl)
  if (target.protocol !== 'http:') return null
  return proxyAuthFailure(proxy, target.host)
}

/**
 * The TLS handshake with an https:// proxy failed: worded as the proxy's, not the
 * server's, with what fixes it (the request's "verify TLS" does not apply to the proxy).
 */
function proxyTlsFailure(
  code: string,
  raw: string,
  proxy: URL,
  target: string,
): RequestFailure | null {
  const label = proxyLabel(proxy)
  const tls = tlsFailure(code, raw, `the proxy ${label}`)
  if (!tls) return null
  if (UNTRUSTED.has(code)) {
    return new RequestFailure(
      'PROXY',
      `The proxy ${label}'s certificate is not trusted (${code}), so nothing was sent to ${target}.`,
      'If the proxy uses a private certificate authority, add its CA certificate under Settings → TLS (--cacert FILE on the command line: it is trusted for the proxy too). Turning TLS verification off applies to servers, not to the proxy.',
      code,
    )
  }
  return new RequestFailure(
    'PROXY',
    `${tls.message.replace('the server', 'the proxy')} Nothing was sent to ${target}.`,
    `Check that ${label} speaks HTTPS (else write http:// in the proxy URL). ${CHECK_SETTINGS}`,
    code,
  )
}

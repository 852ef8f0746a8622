import type { Session } from 'electron'
import type { ProxyResolver } from '../../core/http/proxy/proxyRouter'

/**
 * The OS proxy settings (and their PAC file, WPAD) as Chromium resolves them for this
 * session: "DIRECT" or "PROXY host:port; ...", which the core's ProxyRouter reads.
 */
export function electronProxyResolver(session: Session): ProxyResolver {
  return { resolveProxy: (url) => session.resolveProxy(url) }
}

import { rootCertificates, type ConnectionOptions } from 'node:tls'
import { clientCertFor, clientCertOptions } from '../tlsAgents'
import type { TlsMaterial } from '../tlsMaterial'

/**
 * The TLS settings (extra CAs, client certificates, oldest version) as the proxy agents
 * apply them: to the target through a CONNECT tunnel or SOCKS, and to an `https://` proxy
 * itself. Without settings, Node's defaults.
 */
export class ProxyTls {
  /** Node's roots plus the extra CAs; undefined: Node's roots alone. */
  private readonly ca: string[] | undefined

  constructor(private readonly material: TlsMaterial | undefined) {
    this.ca = material?.ca.length ? [...rootCertificates, ...material.ca] : undefined
  }

  /** The common part: whom to trust and the oldest version. */
  private base(): ConnectionOptions {
    return {
      ...(this.ca && { ca: this.ca }),
      ...(this.material && { minVersion: this.material.minVersion }),
    }
  }

  /**
   * TLS to the target `host:port`, end to end through the proxy: the request's verification
   * mode and the client certificate whose host pattern fits, as a direct send would. The
   * certificate depends only on host and port, which the agent pools sockets by, so a
   * kept-alive socket never serves a request that should present another certificate.
   */
  target(host: string, port: number, verify: boolean): ConnectionOptions {
    const cert = this.material && clientCertFor(this.material.clientCerts, host, String(port))
    return { ...this.base(), rejectUnauthorized: verify, ...clientCertOptions(cert ?? null) }
  }

  /**
   * TLS to an `https://` proxy. Always verified, against the same CAs: turning verification
   * off is about the server a request goes to (curl's -k leaves the proxy verified too). A
   * client certificate goes to the proxy only if its pattern names the proxy's host: `*`
   * (and the command line's --cert) means the servers sent to, not the proxy in between.
   */
  proxy(proxy: URL): ConnectionOptions {
    if (proxy.protocol !== 'https:') return {}
    const port = proxy.port || '443'
    const named = (this.material?.clientCerts ?? []).filter((c) => c.host.trim() !== '*')
    const cert = clientCertFor(named, proxy.hostname, port)
    return { ...this.base(), rejectUnauthorized: true, ...clientCertOptions(cert) }
  }
}

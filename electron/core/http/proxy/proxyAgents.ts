import type { ClientRequest } from 'node:http'
import type { Socket } from 'node:net'
import type { AgentConnectOpts } from 'agent-base'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { SocksProxyAgent } from 'socks-proxy-agent'
import { KEEP_ALIVE, recordPhases, type AgentSet, type KeepAliveOptions } from '../timedAgents'
import type { TlsMaterial } from '../tlsMaterial'
import { proxyAuthFailure, proxyConnectFailure, tunnelRefused } from './proxyFailure'
import { ProxyTls } from './proxyTls'

/**
 * Opens a socket through the proxy with a maintained agent's `connect`, and turns what
 * can go wrong there into a failure naming the proxy. The socket's phases are recorded
 * as one connect (to the proxy, and the tunnel or SOCKS handshake) plus the target's TLS,
 * so the timings of a proxied request still add up.
 */
async function throughProxy(
  proxy: URL,
  req: ClientRequest,
  opts: AgentConnectOpts,
  connect: () => Promise<Socket>,
): Promise<Socket> {
  const createdAt = performance.now()
  const target = `${opts.host}:${opts.port}`
  let status = 200
  // https-proxy-agent reports the CONNECT answer here and hands back a dead socket for a
  // non-200 one (so Node would show the proxy's answer as the target's response).
  const onProxyConnect = (answer: { statusCode?: number }) => (status = answer.statusCode ?? 200)
  req.on('proxyConnect', onProxyConnect)
  let socket: Socket
  try {
    socket = await connect()
  } catch (error) {
    throw proxyConnectFailure(error, proxy, target)
  } finally {
    req.off('proxyConnect', onProxyConnect)
  }
  if (status !== 200) {
    socket.destroy()
    throw status === 407 ? proxyAuthFailure(proxy, target) : tunnelRefused(proxy, target, status)
  }
  const record = { createdAt, connectAt: performance.now() }
  recordPhases(socket, record)
  if (opts.secureEndpoint) {
    socket.once('secureConnect', () => Object.assign(record, { secureAt: performance.now() }))
  }
  return socket
}

/** Resolves once a TLS socket's handshake is done; rejects with its error. */
function handshaken(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(error)
    socket.once('error', fail)
    socket.once('secureConnect', () => {
      socket.off('error', fail)
      resolve()
    })
  })
}

/** Plain HTTP targets through an HTTP(S) proxy: absolute-URI requests on a kept-alive socket. */
class ForwardingAgent extends HttpProxyAgent<string> {
  constructor(proxy: URL, tls: ProxyTls, keepAlive: KeepAliveOptions) {
    // The agent's options are also the connection's to an https:// proxy.
    super(proxy, { ...keepAlive, ...tls.proxy(proxy) })
  }

  override connect(req: Parameters<HttpProxyAgent<string>['connect']>[0], opts: AgentConnectOpts) {
    return throughProxy(this.proxy, req, opts, async () => {
      const socket = await super.connect(req, opts)
      // An https:// proxy's handshake is awaited here, so its failure names the proxy.
      if (this.proxy.protocol === 'https:') await handshaken(socket)
      return socket
    })
  }
}

/** HTTPS targets through an HTTP(S) proxy: a CONNECT tunnel, then TLS to the target. */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: URL,
    private readonly tls: ProxyTls,
    private readonly verifyTls: boolean,
    keepAlive: KeepAliveOptions,
  ) {
    super(proxy, { ...keepAlive, ...tls.proxy(proxy) })
  }

  override connect(req: ClientRequest, opts: AgentConnectOpts) {
    // The agent's own options set up the connection to the proxy; the target's TLS takes
    // the request's, which axios leaves without CAs, certificate or verification mode.
    const target = { ...opts, ...this.tls.target(opts.host ?? '', opts.port, this.verifyTls) }
    return throughProxy(this.proxy, req, target, () => super.connect(req, target))
  }
}

/** Any target through a SOCKS4/4a/5/5h proxy. */
class SocksAgent extends SocksProxyAgent {
  constructor(
    private readonly proxyAt: URL,
    private readonly tls: ProxyTls,
    private readonly verifyTls: boolean,
    keepAlive: KeepAliveOptions,
  ) {
    super(proxyAt, keepAlive)
    // socks-proxy-agent would destroy a socket idle this long even mid-request; the
    // agent's free-socket timeout (KEEP_ALIVE.timeout) stays, the engine has its deadline.
    this.timeout = null
  }

  override connect(req: ClientRequest, opts: AgentConnectOpts) {
    const target = opts.secureEndpoint
      ? { ...opts, ...this.tls.target(opts.host ?? '', opts.port, this.verifyTls) }
      : opts
    return throughProxy(this.proxyAt, req, target, () => super.connect(req, target))
  }
}

function agentsFor(proxy: URL, tls: ProxyTls, keepAlive: KeepAliveOptions): AgentSet {
  const socks = proxy.protocol.startsWith('socks')
  const set = socks
    ? {
        http: new SocksAgent(proxy, tls, true, keepAlive),
        https: new SocksAgent(proxy, tls, true, keepAlive),
        httpsInsecure: new SocksAgent(proxy, tls, false, keepAlive),
      }
    : {
        http: new ForwardingAgent(proxy, tls, keepAlive),
        https: new TunnelAgent(proxy, tls, true, keepAlive),
        httpsInsecure: new TunnelAgent(proxy, tls, false, keepAlive),
      }
  return {
    ...set,
    destroy() {
      set.http.destroy()
      set.https.destroy()
      set.httpsInsecure.destroy()
    },
  } as AgentSet
}

/**
 * Keep-alive agents per proxy: every request through the same proxy URL (credentials
 * included) shares one set, so its sockets are reused like the direct agents' are. The
 * TLS settings apply through the proxy as they do direct (see ProxyTls).
 */
export class ProxyAgentPool {
  private readonly sets = new Map<string, AgentSet>()
  private tls = new ProxyTls(undefined)

  constructor(private readonly keepAlive: KeepAliveOptions = KEEP_ALIVE) {}

  /** Applies new TLS settings to the next requests; sockets made with the old ones are closed. */
  useTls(material: TlsMaterial | undefined): void {
    this.destroy()
    this.tls = new ProxyTls(material)
  }

  agentsFor(proxy: URL): AgentSet {
    let set = this.sets.get(proxy.href)
    if (!set) {
      set = agentsFor(proxy, this.tls, this.keepAlive)
      this.sets.set(proxy.href, set)
    }
    return set
  }

  destroy(): void {
    for (const set of this.sets.values()) set.destroy()
    this.sets.clear()
  }
}

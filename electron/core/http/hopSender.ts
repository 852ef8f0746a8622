import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import type { AxiosResponse } from 'axios'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { ExchangeSignal } from './abort'
import { axiosConfigFor, engineAxios } from './axiosConfig'
import type { AuthHop } from './auth/hopAuth'
import type { HopResponse } from './redirects'
import {
  createAgents,
  KEEP_ALIVE,
  ONE_SOCKET,
  type AgentSet,
  type KeepAliveOptions,
} from './timedAgents'
import { ProxyAgentPool } from './proxy/proxyAgents'
import { proxyAnswerFailure, proxyUnreachable } from './proxy/proxyFailure'
import { TlsAgents } from './tlsAgents'
import { isDefaultTls, type TlsMaterial } from './tlsMaterial'

/** What one request of an exchange sends (the first, a redirect's or an auth retry). */
export type Hop = AuthHop

/** Where each request goes: proxies to try in order, null for straight to the server. */
export interface RouteSource {
  routesFor(url: string): Promise<(URL | null)[]>
}

/**
 * Sends one request of an exchange over the engine's agents and leaves its body unread:
 * picks the route (direct or a proxy, the next one when a proxy cannot be reached) and the
 * agent for it (plain, a proxy's, or one with the TLS settings). Owns those agents.
 */
export class HopSender {
  private readonly agents: AgentSet
  private readonly proxyAgents: ProxyAgentPool
  private tlsAgents: TlsAgents | null = null
  private tls: TlsMaterial | undefined

  constructor(
    private readonly proxy: RouteSource | undefined,
    private readonly keepAlive: KeepAliveOptions = KEEP_ALIVE,
  ) {
    this.agents = createAgents(keepAlive)
    this.proxyAgents = new ProxyAgentPool(keepAlive)
  }

  /** Applies new TLS settings to the next requests; sockets of the old ones are closed. */
  useTls(material: TlsMaterial | undefined): void {
    this.tls = material
    this.tlsAgents?.destroy()
    this.tlsAgents = isDefaultTls(material) ? null : new TlsAgents(material!, this.keepAlive)
    this.proxyAgents.useTls(isDefaultTls(material) ? undefined : material)
  }

  /**
   * A sender of its own for one exchange, with the same routes and TLS settings but one
   * socket per origin (plain, TLS or through the proxy): what an NTLM handshake needs.
   * Its owner destroys it when the exchange is over.
   */
  oneConnection(): HopSender {
    const sender = new HopSender(this.proxy, ONE_SOCKET)
    sender.useTls(this.tls)
    return sender
  }

  /**
   * One request, its body left unread. Each hop asks for its route: a redirect to
   * another host may go direct (no-proxy list).
   */
  async send(
    hop: Hop,
    settings: RequestDefaults,
    abort: ExchangeSignal,
  ): Promise<AxiosResponse<Readable>> {
    const routes = (await this.proxy?.routesFor(hop.url)) ?? [null]
    for (let i = 0; ; i++) {
      try {
        return await this.sendVia(routes[i] ?? null, hop, settings, abort)
      } catch (error) {
        // A PAC or system answer's next route when this proxy cannot be reached. A streamed
        // body may be partly read by then, so it is not sent again.
        const next = i + 1 < routes.length && !(hop.data instanceof Readable)
        if (!next || !proxyUnreachable(error)) throw error
      }
    }
  }

  /** Closes every kept-alive socket. */
  destroy(): void {
    this.agents.destroy()
    this.proxyAgents.destroy()
    this.tlsAgents?.destroy()
  }

  private async sendVia(
    proxy: URL | null,
    hop: Hop,
    settings: RequestDefaults,
    abort: ExchangeSignal,
  ): Promise<AxiosResponse<Readable>> {
    // Through a proxy its own agents tunnel, with the same TLS settings (ProxyAgentPool.useTls).
    const agents = proxy ? this.proxyAgents.agentsFor(proxy) : this.agents
    const httpsAgent = proxy ? undefined : this.tlsAgentFor(hop.url, settings.verifyTls)
    const response = await engineAxios.request<Readable>(
      axiosConfigFor({ ...hop, settings, agents, httpsAgent, abort }),
    )
    const failure = proxy && proxyAnswerFailure(proxy, hop.url, response.status)
    if (failure) {
      response.data.destroy()
      throw failure
    }
    return response
  }

  /** The agent with the TLS settings for an https URL; undefined: the plain agents serve. */
  private tlsAgentFor(url: string, verify: boolean) {
    if (!this.tlsAgents || !url.toLowerCase().startsWith('https:')) return undefined
    const { hostname, port } = new URL(url)
    return this.tlsAgents.agentFor(hostname, port || '443', verify)
  }
}

/** A response as the redirect trail and the auth retries read it. */
export function toHop(response: AxiosResponse<Readable>): HopResponse {
  const native = (response.request as { res?: IncomingMessage }).res
  return { status: response.status, headers: native?.headers ?? {} }
}

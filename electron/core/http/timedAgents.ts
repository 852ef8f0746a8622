import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'

/** When each connection phase of a socket ended (performance.now() ms). */
export interface SocketPhases {
  createdAt: number
  lookupAt?: number
  connectAt?: number
  secureAt?: number
}

/**
 * Phases are recorded per socket, the moment the agent opens it, so a request that
 * reuses a kept-alive socket can tell it skipped DNS, connect and TLS.
 */
const phases = new WeakMap<object, SocketPhases>()

export function socketPhases(socket: object | null | undefined): SocketPhases | undefined {
  return socket ? phases.get(socket) : undefined
}

/** Records the phases of a socket opened elsewhere (a proxy's agent, see proxy/proxyAgents). */
export function recordPhases(socket: object, record: SocketPhases): void {
  phases.set(socket, record)
}

function track(socket: Duplex | null | undefined): void {
  if (!socket) return
  const record: SocketPhases = { createdAt: performance.now() }
  phases.set(socket, record)
  socket.once('lookup', () => (record.lookupAt = performance.now()))
  socket.once('connect', () => (record.connectAt = performance.now()))
  socket.once('secureConnect', () => (record.secureAt = performance.now()))
}

/**
 * `timeout` closes an idle kept-alive socket after 4 s (the agent destroys free sockets
 * that time out; running requests have their own deadline): servers commonly drop idle
 * connections after 5 s (Node's default, Apache's), and a request written to a socket
 * the server is closing at that moment fails with RESET. Seen in `npm run bench -- large`
 * when a run came ~5 s after the previous one.
 */
export const KEEP_ALIVE = {
  keepAlive: true,
  // TCP keep-alive probes after 60 s idle, as axios sets on each request's socket: with any
  // other value the agent set its own back whenever a socket returned to the pool, four
  // setsockopt calls per exchange each way (Node skips the call when nothing changes).
  keepAliveMsecs: 60_000,
  maxSockets: 64,
  maxFreeSockets: 16,
  timeout: 4_000,
}

/** How an agent keeps sockets: KEEP_ALIVE, or one socket per origin for an NTLM exchange. */
export type KeepAliveOptions = typeof KEEP_ALIVE

/**
 * One kept-alive socket per origin: NTLM signs a connection in, so its Type 3 message and
 * the requests after it must go where the Type 1 went.
 */
export const ONE_SOCKET: KeepAliveOptions = { ...KEEP_ALIVE, maxSockets: 1, maxFreeSockets: 1 }

class TimedHttpAgent extends http.Agent {
  override createConnection(...args: Parameters<http.Agent['createConnection']>) {
    const socket = super.createConnection(...args)
    track(socket)
    return socket
  }
}

class TimedHttpsAgent extends https.Agent {
  override createConnection(...args: Parameters<https.Agent['createConnection']>) {
    const socket = super.createConnection(...args)
    track(socket)
    return socket
  }
}

/**
 * A keep-alive HTTPS agent that records connection phases, with extra TLS options (CAs,
 * a client certificate, a minimum version): see tlsAgents.ts.
 */
export function createTimedHttpsAgent(
  tls: https.AgentOptions,
  keepAlive: KeepAliveOptions = KEEP_ALIVE,
): https.Agent {
  return new TimedHttpsAgent({ ...keepAlive, ...tls })
}

/** The engine's own keep-alive agents: one for HTTP, one per TLS verification mode. */
export interface AgentSet {
  http: http.Agent
  https: https.Agent
  httpsInsecure: https.Agent
  destroy(): void
}

export function createAgents(keepAlive: KeepAliveOptions = KEEP_ALIVE): AgentSet {
  const set = {
    http: new TimedHttpAgent(keepAlive),
    https: new TimedHttpsAgent({ ...keepAlive, rejectUnauthorized: true }),
    httpsInsecure: new TimedHttpsAgent({ ...keepAlive, rejectUnauthorized: false }),
  }
  return {
    ...set,
    destroy() {
      set.http.destroy()
      set.https.destroy()
      set.httpsInsecure.destroy()
    },
  }
}

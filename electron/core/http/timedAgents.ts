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
const KEEP_ALIVE = {
  keepAlive: true,
  keepAliveMsecs: 1_000,
  maxSockets: 64,
  maxFreeSockets: 16,
  timeout: 4_000,
}

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

/** The engine's own keep-alive agents: one for HTTP, one per TLS verification mode. */
export interface AgentSet {
  http: http.Agent
  https: https.Agent
  httpsInsecure: https.Agent
  destroy(): void
}

export function createAgents(): AgentSet {
  const set = {
    http: new TimedHttpAgent(KEEP_ALIVE),
    https: new TimedHttpsAgent({ ...KEEP_ALIVE, rejectUnauthorized: true }),
    httpsInsecure: new TimedHttpsAgent({ ...KEEP_ALIVE, rejectUnauthorized: false }),
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

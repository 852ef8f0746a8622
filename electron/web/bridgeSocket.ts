import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import {
  WEB_SOCKET_PATH,
  WEB_TOKEN_PARAM,
  type CourierService,
  type EventName,
  type EventPayload,
  type WireMessage,
} from '../../shared/ipc'
import { answerMessage } from './bridgeMessages'
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './loopbackGuard'

/**
 * Largest frame a client may send. A request spec carries its body text (a big JSON body
 * to PUT, an import up to 20 MB, the open tabs' drafts), so 1 MB was too small. A text
 * body may be up to 200 MB and grows when JSON-escaped (every quote and line break takes
 * two bytes), and a send carries it twice (the spec and the edited request for history),
 * so a 50 MB body with many quotes already passed 64 MB. The socket is loopback-only and
 * token-protected, and this still bounds what one frame can cost.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024

export interface BridgeOptions {
  token: string
  /** The host's port, known once it listens. */
  port: () => number
  service: () => CourierService
}

/**
 * The contract over one WebSocket path: upgrades only with the token, from a page of
 * this host (Origin) reached by a loopback name (Host); then answers every request by id
 * and pushes events to every connected page.
 */
export function createBridge(options: BridgeOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })

  function refusal(req: IncomingMessage): [number, string] | null {
    const url = new URL(req.url ?? '/', 'http://host.invalid')
    const port = options.port()
    if (url.pathname !== WEB_SOCKET_PATH) return [404, 'Not Found']
    if (!isAllowedHost(req.headers.host, port)) return [403, 'Forbidden']
    if (!isAllowedOrigin(req.headers.origin, port)) return [403, 'Forbidden']
    if (!tokenMatches(url.searchParams.get(WEB_TOKEN_PARAM), options.token)) {
      return [401, 'Unauthorized']
    }
    return null
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const refused = refusal(req)
    if (refused) {
      const [status, reason] = refused
      socket.once('finish', () => socket.destroy())
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws))
  }

  function serve(ws: WebSocket): void {
    ws.on('error', () => ws.terminate())
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(1003, 'Messages must be JSON text.')
        return
      }
      void answerMessage(options.service(), data.toString()).then(
        (outcome) => {
          if ('protocolError' in outcome) ws.close(1003, outcome.protocolError)
          else send(ws, outcome.reply)
        },
        () => ws.close(1011, 'Internal error.'),
      )
    })
  }

  function send(ws: WebSocket, message: WireMessage): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message))
  }

  return {
    handleUpgrade,
    /** Pushes an event to every connected page. */
    broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const ws of wss.clients) send(ws, { kind: 'event', event, payload })
    },
    close(): Promise<void> {
      for (const ws of wss.clients) ws.terminate()
      return new Promise((resolve) => wss.close(() => resolve()))
    },
  }
}

/**
 * Owns browser mode's WebSocket to the web host, so that turning messages into JSON and
 * back (a 50 MB request body is ~0.5 s of it) happens here, never on the UI thread. The
 * page posts calls as plain data; this posts back the parsed answers and the socket's life.
 */
import type { WireMessage } from '../../../shared/ipc'
import type { BridgeCall, FromBridgeWorker, ToBridgeWorker } from '../api/bridgeWorkerMessages'

let socket: WebSocket | null = null
const post = (message: FromBridgeWorker) => postMessage(message)

function connect(url: string) {
  socket = new WebSocket(url)
  socket.addEventListener('open', () => post({ type: 'open' }), { once: true })
  socket.addEventListener('error', () => post({ type: 'error' }), { once: true })
  socket.addEventListener('close', () => post({ type: 'close' }))
  socket.addEventListener('message', (event) =>
    post({ type: 'wire', message: JSON.parse(String(event.data)) as WireMessage }),
  )
}

function send(call: BridgeCall) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(call))
  else post({ type: 'closed', id: call.id })
}

addEventListener('message', (event: MessageEvent<ToBridgeWorker>) => {
  if (event.data.type === 'connect') connect(event.data.url)
  else send(event.data.call)
})

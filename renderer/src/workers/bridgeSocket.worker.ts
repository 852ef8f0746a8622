/**
 * Owns browser mode's WebSocket to the web host, so that turning messages into JSON and
 * back (a 50 MB request body is ~0.5 s of it) happens here, never on the UI thread. The
 * page posts calls as plain data; this posts back the parsed answers and the socket's life.
 */
import type { WireMessage } from '../../../shared/ipc'
import type {
  BridgeCall,
  BridgeWorkerStart,
  FromBridgeWorker,
  ToBridgeWorker,
} from '../api/bridgeWorkerMessages'

const post = (message: FromBridgeWorker) => postMessage(message)

// The address and the first calls come in the worker's name, not in a message: the browser
// hands this worker the page's messages only when the page's thread is free, which at
// start-up is after the app has loaded and mounted; the name is here at once.
const start = JSON.parse(self.name) as BridgeWorkerStart
const socket = new WebSocket(start.url)
/** Calls to send once the socket opens. */
let waiting: BridgeCall[] = start.calls

socket.addEventListener(
  'open',
  () => {
    post({ type: 'open', at: performance.timeOrigin + performance.now() })
    for (const call of waiting) socket.send(JSON.stringify(call))
    waiting = []
  },
  { once: true },
)
socket.addEventListener('error', () => post({ type: 'error' }), { once: true })
socket.addEventListener('close', () => {
  // The page fails every call still pending when it hears of the close.
  waiting = []
  post({ type: 'close' })
})
socket.addEventListener('message', (event) =>
  post({ type: 'wire', message: JSON.parse(String(event.data)) as WireMessage }),
)

function send(call: BridgeCall) {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(call))
  else if (socket.readyState === WebSocket.CONNECTING) waiting.push(call)
  else post({ type: 'closed', id: call.id })
}

addEventListener('message', (event: MessageEvent<ToBridgeWorker>) => send(event.data.call))

import type { WireMessage } from '../../../shared/ipc'

/** One call as it goes on the wire. */
export interface BridgeCall {
  id: number
  call: string
  args: unknown
}

/** What the page tells the bridge worker. */
export type ToBridgeWorker = { type: 'connect'; url: string } | { type: 'call'; call: BridgeCall }

/** What the bridge worker tells the page: the socket's life, answers and events. */
export type FromBridgeWorker =
  | { type: 'open' }
  | { type: 'error' }
  | { type: 'close' }
  | { type: 'closed'; id: number }
  | { type: 'wire'; message: WireMessage }

import type { WireMessage } from '../../../shared/ipc'

/** One call as it goes on the wire. */
export interface BridgeCall {
  id: number
  call: string
  args: unknown
}

/**
 * What the bridge worker starts with, JSON in its name (see webBridge.ts): the socket's
 * address, and the calls made before the worker was created, which it sends as soon as
 * the socket opens.
 */
export interface BridgeWorkerStart {
  url: string
  calls: BridgeCall[]
}

/** What the page tells the bridge worker once it runs. */
export type ToBridgeWorker = { type: 'call'; call: BridgeCall }

/** What the bridge worker tells the page: the socket's life, answers and events. */
export type FromBridgeWorker =
  /** `at`: when the socket opened, in ms since the epoch (performance.timeOrigin + now). */
  | { type: 'open'; at: number }
  | { type: 'error' }
  | { type: 'close' }
  | { type: 'closed'; id: number }
  | { type: 'wire'; message: WireMessage }

// Only modules without Vue or zod: the entry (main.ts) opens the connection before the
// app's code has arrived, so nothing here may wait for it.
import { CallError } from '../../../shared/ipc/callError'
import type { CourierApi } from '../../../shared/ipc/contract'
import { CALL_NAMES, splitCallName, type CallName, type EventName } from '../../../shared/ipc/names'
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../../shared/ipc/webAddress'
import type { WireMessage } from '../../../shared/ipc/wire'
import type {
  BridgeCall,
  BridgeWorkerStart,
  FromBridgeWorker,
  ToBridgeWorker,
} from './bridgeWorkerMessages'

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }

/**
 * A connection on its way: its api takes calls at once; `opened` settles when the socket
 * opens (with when, on this page's performance.now() clock: the page may hear of it later,
 * once its thread is free) or fails.
 */
export interface ApiConnection {
  api: CourierApi
  opened: Promise<number>
}

/**
 * The contract over the web host's WebSocket (browser mode), owned by a worker (see
 * bridgeSocket.worker.ts); every call is matched to its answer by id, events are fanned
 * out to listeners.
 *
 * Calls may be made at once. The worker is created at the end of this task with the calls
 * made until then (the first screen's, main.ts) in its name, and sends them the moment its
 * socket opens: they need no message from this thread, which the browser delivers to a
 * new worker only once this thread is free, and at start-up it is busy loading the app.
 * Later calls are posted; the worker holds them while the socket still connects. If the
 * socket fails they fail with DISCONNECTED, and so does `opened`. Arguments must be plain
 * data (they are cloned or JSON-encoded): the app copies Vue's reactive values first
 * (withPlainArgs).
 */
export function openWebBridge(token: string, origin = window.location.origin): ApiConnection {
  const url = new URL(WEB_SOCKET_PATH, origin.replace(/^http/, 'ws'))
  url.searchParams.set(WEB_TOKEN_PARAM, token)
  let worker: Worker | null = null
  /** Calls made before the worker exists: they go in its name. */
  const early: BridgeCall[] = []
  let closed = false
  let nextId = 1
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const settle = (data: WireMessage) => {
    if (data.kind === 'event') {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload)
      return
    }
    const waiter = pending.get(data.id)
    if (!waiter) return
    pending.delete(data.id)
    if (data.ok) waiter.resolve(data.result)
    else waiter.reject(CallError.from(data.error))
  }
  const closedError = () =>
    new CallError(
      'DISCONNECTED',
      'The connection to the Courier web host is closed. Restart `npm run web` and reload.',
    )

  const opened = new Promise<number>((resolve, reject) => {
    let open = false
    const couldNotConnect = () =>
      reject(
        new CallError(
          'DISCONNECTED',
          'Could not connect to the Courier web host. Is `npm run web` still running?',
        ),
      )
    const hear = (event: MessageEvent<FromBridgeWorker>) => {
      const message = event.data
      if (message.type === 'wire') settle(message.message)
      else if (message.type === 'open') {
        open = true
        resolve(message.at - performance.timeOrigin)
      } else if (message.type === 'error' && !open) {
        couldNotConnect()
      } else if (message.type === 'closed') {
        pending.get(message.id)?.reject(closedError())
        pending.delete(message.id)
      } else if (message.type === 'close') {
        if (!open) couldNotConnect()
        closed = true
        for (const waiter of pending.values()) waiter.reject(closedError())
        pending.clear()
      }
    }
    queueMicrotask(() => {
      const start: BridgeWorkerStart = { url: url.href, calls: early }
      // A classic worker, not a module one: the build makes the worker one plain script (an
      // IIFE, Vite's worker format), and Chromium starts a classic worker ~10 ms sooner, on
      // the path to the first screen's answers (its socket opens only once it runs).
      worker = new Worker(new URL('../workers/bridgeSocket.worker.ts', import.meta.url), {
        name: JSON.stringify(start),
      })
      worker.addEventListener('message', hear)
    })
  })

  const call = (name: CallName, args: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (closed) {
        reject(closedError())
        return
      }
      const id = nextId++
      pending.set(id, { resolve, reject })
      const message: BridgeCall = { id, call: name, args: args ?? {} }
      if (worker) worker.postMessage({ type: 'call', call: message } satisfies ToBridgeWorker)
      else early.push(message)
    })

  const api: Record<string, unknown> = {
    on(event: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }
  for (const name of CALL_NAMES) {
    const [domain, action] = splitCallName(name)
    const group = (api[domain] ??= {}) as Record<string, unknown>
    group[action] = (args: unknown) => call(name, args)
  }
  return { api: api as CourierApi, opened }
}

// Only modules without Vue or zod: the entry (main.ts) opens the connection while the
// app's code still loads, so nothing here may wait for it.
import { CallError } from '../../../shared/ipc/callError'
import type { CourierApi } from '../../../shared/ipc/contract'
import { CALL_NAMES, splitCallName, type CallName, type EventName } from '../../../shared/ipc/names'
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../../shared/ipc/webAddress'
import type { WireMessage } from '../../../shared/ipc/wire'
import type { FromBridgeWorker, ToBridgeWorker } from './bridgeWorkerMessages'

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }

/**
 * The contract over the web host's WebSocket (browser mode). Opened once, by a worker
 * that owns the socket (see bridgeSocket.worker.ts); every call is matched to its answer
 * by id, events are fanned out to listeners. Arguments must be plain data (posting clones
 * them): the app copies Vue's reactive values first (withPlainArgs).
 */
export async function connectWebBridge(
  token: string,
  origin = window.location.origin,
): Promise<CourierApi> {
  const url = new URL(WEB_SOCKET_PATH, origin.replace(/^http/, 'ws'))
  url.searchParams.set(WEB_TOKEN_PARAM, token)
  const worker = new Worker(new URL('../workers/bridgeSocket.worker.ts', import.meta.url), {
    type: 'module',
  })
  const tell = (message: ToBridgeWorker) => worker.postMessage(message)
  let open = false
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

  await new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<FromBridgeWorker>) => {
      const message = event.data
      if (message.type === 'wire') settle(message.message)
      else if (message.type === 'open') {
        open = true
        resolve()
      } else if (message.type === 'error' && !open) {
        reject(
          new CallError(
            'DISCONNECTED',
            'Could not connect to the Courier web host. Is `npm run web` still running?',
          ),
        )
      } else if (message.type === 'closed') {
        pending.get(message.id)?.reject(closedError())
        pending.delete(message.id)
      } else if (message.type === 'close') {
        open = false
        for (const waiter of pending.values()) waiter.reject(closedError())
        pending.clear()
      }
    })
    tell({ type: 'connect', url: url.href })
  })

  const call = (name: CallName, args: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (!open) {
        reject(closedError())
        return
      }
      const id = nextId++
      pending.set(id, { resolve, reject })
      tell({ type: 'call', call: { id, call: name, args: args ?? {} } })
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
  return api as CourierApi
}

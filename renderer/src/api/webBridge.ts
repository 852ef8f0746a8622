import {
  CALL_NAMES,
  WEB_SOCKET_PATH,
  WEB_TOKEN_PARAM,
  splitCallName,
  type CallName,
  type CourierApi,
  type EventName,
  type WireMessage,
} from '../../../shared/ipc'

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }

/**
 * The contract over the web host's WebSocket (browser mode). Opened once; every call
 * is matched to its answer by id, events are fanned out to listeners.
 */
export async function connectWebBridge(
  token: string,
  origin = window.location.origin,
): Promise<CourierApi> {
  const url = new URL(WEB_SOCKET_PATH, origin.replace(/^http/, 'ws'))
  url.searchParams.set(WEB_TOKEN_PARAM, token)
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener(
      'error',
      () =>
        reject(
          new Error('Could not connect to the Courier web host. Is `npm run web` still running?'),
        ),
      { once: true },
    )
  })
  let nextId = 1
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as WireMessage
    if (data.kind === 'event') {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload)
      return
    }
    const waiter = pending.get(data.id)
    if (!waiter) return
    pending.delete(data.id)
    if (data.ok) waiter.resolve(data.result)
    else waiter.reject(new Error(data.error.message))
  })
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) {
      waiter.reject(
        new Error(
          'The connection to the Courier web host closed. Restart `npm run web` and reload.',
        ),
      )
    }
    pending.clear()
  })

  const call = (name: CallName, args: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (socket.readyState !== WebSocket.OPEN) {
        reject(
          new Error(
            'The connection to the Courier web host is closed. Restart `npm run web` and reload.',
          ),
        )
        return
      }
      const id = nextId++
      pending.set(id, { resolve, reject })
      socket.send(JSON.stringify({ id, call: name, args }))
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

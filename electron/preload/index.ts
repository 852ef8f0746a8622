import { contextBridge, ipcRenderer } from 'electron'
import type { CourierBridge } from '../../shared/ipc/contract'
import { CALL_NAMES, EVENT_NAMES, splitCallName, type EventName } from '../../shared/ipc/names'

/**
 * Exposes exactly the calls of shared/ipc as `window.courier`, nested by domain, and
 * `on` for its events. There is no generic invoke: the renderer can reach nothing else.
 * Each call answers with the main process's envelope as it is: an error thrown here
 * would reach the page with its message only, and the renderer acts on the code.
 */
const api: Record<string, unknown> = {
  on(event: EventName, listener: (payload: unknown) => void) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`)
    const wrapped = (_e: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
}
for (const name of CALL_NAMES) {
  const [domain, action] = splitCallName(name)
  const group = (api[domain] ??= {}) as Record<string, unknown>
  group[action] = (args: unknown) => ipcRenderer.invoke(name, args)
}

contextBridge.exposeInMainWorld('courier', api as CourierBridge)

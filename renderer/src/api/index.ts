// Only modules without Vue or zod: the entry (main.ts) connects before the app's code is in.
import { CallError } from '../../../shared/ipc/callError'
import type { CourierApi, CourierBridge, IpcEnvelope } from '../../../shared/ipc'
import { openWebBridge, type ApiConnection } from './webBridge'
import { takeWebToken } from './webToken'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    courier?: CourierBridge
  }
}

/**
 * Picks the transport once at start-up: Electron's preload bridge when present, else
 * the web host's WebSocket with the token from the URL's hash (taken out of the address
 * once read, see webToken.ts). Nothing else in the renderer knows which one runs. The api
 * takes calls at once; `opened` says whether the connection came up.
 *
 * @throws Error when browser mode was opened without its token.
 */
export function connectApi(): ApiConnection {
  if (window.courier)
    return { api: fromPreload(window.courier), opened: Promise.resolve(performance.now()) }
  const token = takeWebToken()
  if (!token) {
    throw new Error(
      'Courier was opened without its access token. Open the exact address that `npm run web` printed (with its #token=…); Courier takes the token out of the address bar once it has read it, so a bookmark or a new tab cannot reconnect.',
    )
  }
  return openWebBridge(token)
}

/**
 * The preload's calls as the rest of the renderer uses them: each envelope turned into
 * its result or thrown as a CallError with its code (an error thrown across contextBridge
 * keeps only its message). Arguments must be plain data, which Electron's IPC
 * structured-clones: the app copies Vue's reactive values first (withPlainArgs).
 */
export function fromPreload(bridge: CourierBridge): CourierApi {
  const wrapped: Record<string, unknown> = { on: bridge.on.bind(bridge) }
  for (const [domain, group] of Object.entries(bridge)) {
    if (typeof group !== 'object' || group === null) continue
    wrapped[domain] = Object.fromEntries(
      Object.entries(group as Record<string, (args: unknown) => Promise<IpcEnvelope>>).map(
        ([action, call]) => [
          action,
          async (args: unknown) => {
            const answer = await call(args ?? {})
            if (!answer.ok) throw CallError.from(answer.error)
            return answer.result
          },
        ],
      ),
    )
  }
  return wrapped as CourierApi
}

export type { ApiConnection, CourierApi }

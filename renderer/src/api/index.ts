import { WEB_TOKEN_PARAM, type CourierApi } from '../../../shared/ipc'
import { plainCopy } from '../stores/plainCopy'
import { connectWebBridge } from './webBridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    courier?: CourierApi
  }
}

/**
 * Picks the transport once at start-up: Electron's preload bridge when present, else
 * the web host's WebSocket with the token from the URL's hash. Nothing else in the
 * renderer knows which one runs.
 */
export async function connectApi(): Promise<CourierApi> {
  if (window.courier) return withPlainArguments(window.courier)
  const token = new URLSearchParams(window.location.hash.slice(1)).get(WEB_TOKEN_PARAM)
  if (!token) {
    throw new Error(
      'Courier was opened without its access token. Open the exact address that `npm run web` printed.',
    )
  }
  return connectWebBridge(token)
}

/**
 * Electron's IPC structured-clones arguments, which fails on Vue's reactive proxies; the
 * web bridge JSON-encodes them anyway. Copying here, once, lets every store pass its
 * state as it is.
 */
function withPlainArguments(api: CourierApi): CourierApi {
  const wrapped: Record<string, unknown> = { on: api.on.bind(api) }
  for (const [domain, group] of Object.entries(api)) {
    if (typeof group !== 'object' || group === null) continue
    wrapped[domain] = Object.fromEntries(
      Object.entries(group as Record<string, (args: unknown) => Promise<unknown>>).map(
        ([action, call]) => [action, (args: unknown) => call(plainCopy(args ?? {}))],
      ),
    )
  }
  return wrapped as CourierApi
}

export type { CourierApi }

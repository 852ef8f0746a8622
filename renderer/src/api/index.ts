import { WEB_TOKEN_PARAM, type CourierApi } from '../../../shared/ipc'
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
  if (window.courier) return window.courier
  const token = new URLSearchParams(window.location.hash.slice(1)).get(WEB_TOKEN_PARAM)
  if (!token) {
    throw new Error(
      'Courier was opened without its access token. Open the exact address that `npm run web` printed.',
    )
  }
  return connectWebBridge(token)
}

export type { CourierApi }

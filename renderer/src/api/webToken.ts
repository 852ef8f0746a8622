import { WEB_TOKEN_PARAM } from '../../../shared/ipc/webAddress'

/** The key of the token in the page's own session-history entry (`history.state`). */
const STATE_KEY = 'courierWebToken'

/**
 * Browser mode's access token, taken out of the address once read.
 *
 * The web host prints `http://127.0.0.1:PORT/#token=…`. Left in the address, the token
 * would show in the address bar, in a screen share, in a copied or bookmarked link, and in
 * the browser's history. So on first read it moves into the state of the page's own
 * session-history entry and the address loses its hash (`history.replaceState`): the page
 * keeps it in memory, a reload of the same tab finds it there (so reload works as before),
 * and nothing is written to localStorage, sessionStorage or a cookie. A new tab or a
 * bookmark without the hash gets no token: it must open the printed address.
 *
 * @returns the token, or null when the page was opened without one.
 */
export function takeWebToken(
  location: Location = window.location,
  history: History = window.history,
): string | null {
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get(WEB_TOKEN_PARAM)
  if (fromAddress) {
    const state: unknown = history.state
    const kept = typeof state === 'object' && state !== null ? state : {}
    history.replaceState(
      { ...kept, [STATE_KEY]: fromAddress },
      '',
      location.pathname + location.search,
    )
    return fromAddress
  }
  const state = history.state as Record<string, unknown> | null
  const kept = state?.[STATE_KEY]
  return typeof kept === 'string' && kept !== '' ? kept : null
}

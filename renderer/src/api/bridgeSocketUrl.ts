import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../../shared/ipc/webAddress'

/** The web host's bridge socket on the page's own host, with the run's token. */
export function bridgeSocketUrl(token: string, origin = window.location.origin): string {
  const url = new URL(WEB_SOCKET_PATH, origin.replace(/^http/, 'ws'))
  url.searchParams.set(WEB_TOKEN_PARAM, token)
  return url.href
}

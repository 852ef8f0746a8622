// Where browser mode's page finds the web host's bridge. Kept apart from wire.ts (zod) so
// the page can open its connection before the rest of the app's code has loaded.

/** The query parameter and hash key that carry the per-run token. */
export const WEB_TOKEN_PARAM = 'token'
/** Path of the WebSocket endpoint on the web host. */
export const WEB_SOCKET_PATH = '/bridge'

import type { OAuth2Auth } from '../../../../shared/model/oauth2'
import { listenForRedirect } from './loopbackRedirect'
import { oauth2Failure } from './oauth2Failure'
import { createPkce, createState } from './pkce'
import { requestToken, type OAuth2Token, type TokenPost } from './tokenEndpoint'

/**
 * Opens a URL in the user's browser. The seam of the authorization code grant: Electron's
 * shell.openExternal in the app, a printed URL on the command line.
 */
export type OpenExternal = (url: string) => void | Promise<void>

/** How grants reach the user and the token endpoint. */
export interface TokenClient {
  openExternal: OpenExternal
  /** Absent: Node's fetch. */
  post?: TokenPost
}

/** Runs the auth's grant from the start and returns the token the server gives. */
export function fetchToken(
  auth: OAuth2Auth,
  client: TokenClient,
  signal?: AbortSignal,
): Promise<OAuth2Token> {
  switch (auth.grant) {
    case 'client_credentials':
      return requestToken(auth, { grant_type: 'client_credentials' }, signal, client.post)
    case 'password':
      return requestToken(
        auth,
        { grant_type: 'password', username: auth.username, password: auth.password },
        signal,
        client.post,
      )
    case 'refresh_token':
      return refreshToken(auth, auth.refreshToken, client, signal)
    case 'authorization_code':
      return authorizationCode(auth, client, signal)
  }
}

/** Trades a refresh token for a new access token (RFC 6749 §6); keeps the old refresh token when none comes back. */
export async function refreshToken(
  auth: OAuth2Auth,
  refresh: string,
  client: TokenClient,
  signal?: AbortSignal,
): Promise<OAuth2Token> {
  const token = await requestToken(
    { ...auth, grant: 'refresh_token' },
    { grant_type: 'refresh_token', refresh_token: refresh },
    signal,
    client.post,
  )
  return { ...token, refreshToken: token.refreshToken ?? refresh }
}

/**
 * The authorization code grant with PKCE S256 for a native app (RFC 8252): listen on a
 * loopback port, open the authorization URL in the browser, take the code that comes back
 * with our `state`, and trade it with the verifier.
 */
async function authorizationCode(
  auth: OAuth2Auth,
  client: TokenClient,
  signal?: AbortSignal,
): Promise<OAuth2Token> {
  const authUrl = authorizationUrl(auth)
  const pkce = createPkce()
  const state = createState()
  const redirect = await listenForRedirect(state, signal)
  try {
    const query = authUrl.searchParams
    query.set('response_type', 'code')
    query.set('client_id', auth.clientId)
    query.set('redirect_uri', redirect.redirectUri)
    query.set('state', state)
    query.set('code_challenge', pkce.challenge)
    query.set('code_challenge_method', 'S256')
    for (const name of ['scope', 'audience', 'resource'] as const) {
      if (auth[name].trim() !== '') query.set(name, auth[name].trim())
    }
    await client.openExternal(authUrl.toString())
    const code = await redirect.code
    return await requestToken(
      auth,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect.redirectUri,
        code_verifier: pkce.verifier,
      },
      signal,
      client.post,
    )
  } finally {
    redirect.close()
  }
}

function authorizationUrl(auth: OAuth2Auth): URL {
  const raw = auth.authUrl.trim()
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url
  } catch {
    // reported below
  }
  throw oauth2Failure(
    raw === ''
      ? 'The OAuth 2.0 Auth URL is empty, so the sign-in cannot start.'
      : `The OAuth 2.0 Auth URL "${raw}" is not an http(s) address.`,
    "Type the authorization server's authorization endpoint in the Auth tab (Auth URL), e.g. https://id.example.com/authorize.",
  )
}

import type { OAuth2Auth } from '../../../../shared/model/oauth2'
import { oauth2Failure } from './oauth2Failure'

/** An access token as the token endpoint gave it, with its expiry made absolute. */
export interface OAuth2Token {
  accessToken: string
  /** `Bearer` unless the server said otherwise. */
  tokenType: string
  /** ms since the epoch; null when the server gave no `expires_in`. */
  expiresAt: number | null
  refreshToken: string | null
  scope: string | null
}

/** What a grant adds to the token request, beside the client's authentication. */
export type GrantParams = Record<string, string>

/** The longest a token endpoint may take to answer before the send fails. */
const TOKEN_TIMEOUT_MS = 30_000

/**
 * POSTs one token request (RFC 6749 §4, §6) as application/x-www-form-urlencoded: the
 * grant's parameters, scope, audience and resource when set, and the client's credentials
 * as an HTTP Basic header (form-encoded first, §2.3.1) or as client_id/client_secret in
 * the body. Fails with OAUTH2, naming the endpoint and the server's `error`.
 */
export async function requestToken(
  auth: OAuth2Auth,
  grant: GrantParams,
  signal?: AbortSignal,
  post: TokenPost = fetchPost,
  now: () => number = Date.now,
): Promise<OAuth2Token> {
  const url = tokenUrlOf(auth)
  const body = new URLSearchParams(grant)
  for (const name of ['scope', 'audience', 'resource'] as const) {
    // A refresh keeps the scopes granted unless asked otherwise (RFC 6749 §6).
    if (auth[name].trim() !== '') body.set(name, auth[name].trim())
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  }
  if (auth.clientAuth === 'basic' && auth.clientSecret !== '') {
    const user = formEncode(auth.clientId)
    const pass = formEncode(auth.clientSecret)
    headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
  } else {
    body.set('client_id', auth.clientId)
    if (auth.clientSecret !== '') body.set('client_secret', auth.clientSecret)
  }
  const { status, text } = await post(url, headers, body.toString(), signal)
  const data = parseJson(text)
  if (status < 200 || status > 299) throw refused(url, auth.grant, status, data, text)
  return tokenFrom(url, data, now())
}

/**
 * POSTs a token request and answers the status and body text; fails with OAUTH2 when the
 * endpoint cannot be reached. The app and the command line post through the engine (its
 * proxy and TLS settings); Node's fetch is the default.
 */
export type TokenPost = (
  url: string,
  headers: Record<string, string>,
  body: string,
  signal?: AbortSignal,
  options?: TokenPostOptions,
) => Promise<{ status: number; text: string }>

/** How the token request goes out, taken from the send it is for. */
export interface TokenPostOptions {
  /** Verify the token endpoint's certificate (the send's "verify TLS"); absent: the defaults. */
  verifyTls?: boolean
}

const fetchPost: TokenPost = async (url, headers, body, signal) => {
  const timeout = AbortSignal.timeout(TOKEN_TIMEOUT_MS)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    })
    return { status: response.status, text: await response.text() }
  } catch (error) {
    throw unreachable(url, error, timeout.aborted)
  }
}

function tokenUrlOf(auth: OAuth2Auth): string {
  const raw = auth.tokenUrl.trim()
  if (raw === '') {
    throw oauth2Failure(
      'The OAuth 2.0 token URL is empty, so no token could be fetched.',
      "Type the authorization server's token endpoint in the Auth tab (Token URL).",
    )
  }
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString()
  } catch {
    // reported below
  }
  throw oauth2Failure(
    `The OAuth 2.0 token URL "${raw}" is not an http(s) address.`,
    'Type the full token endpoint, e.g. https://id.example.com/oauth/token.',
  )
}

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 wants before Basic encoding. */
function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2)
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(text)
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function tokenFrom(url: string, data: Record<string, unknown> | null, at: number): OAuth2Token {
  const accessToken = data?.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw oauth2Failure(
      `The token endpoint ${url} answered without an access_token.`,
      'Check the Token URL: it must be the OAuth 2.0 token endpoint, which answers JSON with access_token.',
    )
  }
  const expiresIn = Number(data?.expires_in)
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
  return {
    accessToken,
    tokenType: text(data?.token_type) ?? 'Bearer',
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? at + expiresIn * 1000 : null,
    refreshToken: text(data?.refresh_token),
    scope: text(data?.scope),
  }
}

function refused(
  url: string,
  grant: string,
  status: number,
  data: Record<string, unknown> | null,
  text: string,
) {
  const code = typeof data?.error === 'string' ? data.error : null
  const description = typeof data?.error_description === 'string' ? data.error_description : null
  const said = code
    ? `${code}${description ? `: ${description}` : ''}`
    : `HTTP ${status}${text.trim() ? `: ${text.trim().slice(0, 200)}` : ''}`
  return oauth2Failure(
    `The token endpoint ${url} refused the ${grant.replace('_', ' ')} grant (${said}), so nothing was sent.`,
    HINTS[code ?? ''] ??
      'Check the OAuth 2.0 settings in the Auth tab (token URL, client ID and secret, grant) against the authorization server.',
    `HTTP ${status}`,
  )
}

const HINTS: Record<string, string> = {
  invalid_client:
    'The client ID or secret is wrong, or the server wants the other client authentication: switch "Send client credentials" between Basic header and body.',
  invalid_grant:
    'The code, password or refresh token was refused (expired, used, or a PKCE verifier that does not match): press "Get new token" to start again.',
  invalid_scope: 'Ask only for scopes this client may have (the Scope field).',
  unauthorized_client: 'This client may not use this grant: pick the grant the server allows.',
  unsupported_grant_type: 'The server does not offer this grant: pick another.',
}

function unreachable(url: string, error: unknown, timedOut: boolean) {
  if (timedOut) {
    return oauth2Failure(
      `The token endpoint ${url} did not answer within ${TOKEN_TIMEOUT_MS / 1000} s, so nothing was sent.`,
      'Check that the authorization server is up and reachable, then send again.',
      'TIMEOUT',
    )
  }
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name
  return oauth2Failure(
    `The token endpoint ${url} could not be reached (${cause}), so nothing was sent.`,
    'Check the Token URL and that the authorization server is running and reachable.',
    cause,
  )
}

import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  createServer as createHttpsServer,
  type ServerOptions as HttpsServerOptions,
} from 'node:https'
import { listen, type RunningServer } from './listen'

/**
 * A small OAuth 2.0 authorization server on 127.0.0.1 that checks what a real one checks:
 * the client's credentials and how they came (Basic header or body, one per client), PKCE
 * S256 (the code_verifier must hash to the challenge the browser brought), the redirect
 * URI and client of a code, used codes and refresh tokens. It records every token
 * request, and `/resource` answers 200 only for a live access token it issued.
 */
export interface OAuthClient {
  secret: string
  /** How the client must authenticate: client_secret_basic or client_secret_post. */
  method: 'basic' | 'body'
}

export interface TokenRequestRecord {
  params: Record<string, string>
  /** How the client authenticated: `basic`, `body`, or `none` (a public client). */
  clientAuth: 'basic' | 'body' | 'none'
  clientId: string | null
}

export interface OAuthServer extends RunningServer {
  tokenRequests: TokenRequestRecord[]
  /** Seconds each new access token lives (expires_in). */
  expiresIn: number
  /** When true, /authorize remembers a wrong challenge: any verifier fails PKCE. */
  spoilChallenge: boolean
  /** Ends every access token issued so far, as if their time ran out. */
  expireAll(): void
  /** Revokes every refresh token issued so far. */
  revokeRefreshTokens(): void
}

interface Grant {
  clientId: string
  scope: string
  audience: string
  resource: string
}

export async function startOAuthServer(
  clients: Record<string, OAuthClient>,
  users: Record<string, string> = {},
  /** Serve HTTPS with these options (certificate, key; `requestCert` for mutual TLS). */
  tls?: HttpsServerOptions,
): Promise<OAuthServer> {
  const codes = new Map<string, Grant & { challenge: string; redirectUri: string }>()
  const refreshTokens = new Map<string, Grant>()
  const accessTokens = new Map<string, Grant & { live: boolean }>()
  const state = {
    tokenRequests: [] as TokenRequestRecord[],
    expiresIn: 3600,
    spoilChallenge: false,
  }

  const issue = (res: ServerResponse, grant: Grant, withRefresh: boolean) => {
    const access = randomBytes(24).toString('base64url')
    accessTokens.set(access, { ...grant, live: true })
    const body: Record<string, unknown> = {
      access_token: access,
      token_type: 'bearer',
      expires_in: state.expiresIn,
      scope: grant.scope,
    }
    if (withRefresh) {
      const refresh = randomBytes(24).toString('base64url')
      refreshTokens.set(refresh, grant)
      body.refresh_token = refresh
    }
    json(res, 200, body)
  }

  const token = (req: IncomingMessage, res: ServerResponse, text: string) => {
    const params = Object.fromEntries(new URLSearchParams(text))
    const header = req.headers.authorization ?? ''
    let clientId: string | null = params.client_id ?? null
    let secret: string | null = params.client_secret ?? null
    let clientAuth: TokenRequestRecord['clientAuth'] = secret !== null ? 'body' : 'none'
    if (header.startsWith('Basic ')) {
      const [id, pass] = Buffer.from(header.slice(6), 'base64').toString().split(':')
      clientId = decodeURIComponent(id!.replace(/\+/g, ' '))
      secret = decodeURIComponent((pass ?? '').replace(/\+/g, ' '))
      clientAuth = 'basic'
    }
    state.tokenRequests.push({ params, clientAuth, clientId })
    const client = clientId === null ? undefined : clients[clientId]
    if (!client)
      return json(res, 401, { error: 'invalid_client', error_description: 'unknown client' })
    const isPublic = client.secret === ''
    if (!isPublic && (clientAuth !== client.method || secret !== client.secret)) {
      return json(res, 401, {
        error: 'invalid_client',
        error_description: `client must authenticate with client_secret_${client.method === 'basic' ? 'basic' : 'post'}`,
      })
    }
    const asked: Grant = {
      clientId: clientId!,
      scope: params.scope ?? '',
      audience: params.audience ?? '',
      resource: params.resource ?? '',
    }
    switch (params.grant_type) {
      case 'client_credentials':
        return issue(res, asked, false)
      case 'password':
        if (!params.username || users[params.username] !== params.password)
          return json(res, 400, {
            error: 'invalid_grant',
            error_description: 'wrong username or password',
          })
        return issue(res, asked, true)
      case 'refresh_token': {
        const grant = refreshTokens.get(params.refresh_token ?? '')
        if (!grant || grant.clientId !== clientId)
          return json(res, 400, {
            error: 'invalid_grant',
            error_description: 'unknown refresh token',
          })
        refreshTokens.delete(params.refresh_token!)
        return issue(res, grant, true)
      }
      case 'authorization_code': {
        const code = codes.get(params.code ?? '')
        codes.delete(params.code ?? '')
        if (!code || code.clientId !== clientId || code.redirectUri !== params.redirect_uri)
          return json(res, 400, {
            error: 'invalid_grant',
            error_description: 'unknown code or redirect_uri',
          })
        const hashed = createHash('sha256')
          .update(params.code_verifier ?? '')
          .digest('base64url')
        if (hashed !== code.challenge)
          return json(res, 400, {
            error: 'invalid_grant',
            error_description:
              'PKCE verification failed: code_verifier does not match code_challenge',
          })
        return issue(res, code, true)
      }
      default:
        return json(res, 400, { error: 'unsupported_grant_type' })
    }
  }

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams
    const clientId = q.get('client_id') ?? ''
    const redirectUri = q.get('redirect_uri') ?? ''
    if (!clients[clientId] || !redirectUri.startsWith('http://127.0.0.1:'))
      return json(res, 400, {
        error: 'invalid_request',
        error_description: 'client or redirect_uri',
      })
    const back = new URL(redirectUri)
    back.searchParams.set('state', q.get('state') ?? '')
    if (
      q.get('response_type') !== 'code' ||
      q.get('code_challenge_method') !== 'S256' ||
      !q.get('code_challenge')
    ) {
      back.searchParams.set('error', 'invalid_request')
      back.searchParams.set('error_description', 'PKCE S256 is required')
    } else {
      const code = randomBytes(16).toString('base64url')
      codes.set(code, {
        clientId,
        redirectUri,
        challenge: state.spoilChallenge ? 'spoiled' : q.get('code_challenge')!,
        scope: q.get('scope') ?? '',
        audience: q.get('audience') ?? '',
        resource: q.get('resource') ?? '',
      })
      back.searchParams.set('code', code)
    }
    res.writeHead(302, { Location: back.toString() }).end()
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'POST' && url.pathname === '/token')
        return token(req, res, Buffer.concat(chunks).toString())
      if (req.method === 'GET' && url.pathname === '/authorize') return authorize(url, res)
      if (url.pathname === '/resource') {
        const [scheme, value] = (req.headers.authorization ?? '').split(' ')
        const grant = scheme?.toLowerCase() === 'bearer' ? accessTokens.get(value ?? '') : undefined
        if (!grant?.live) return json(res, 401, { error: 'invalid_token' })
        return json(res, 200, { ok: true, ...grant })
      }
      res.writeHead(404).end()
    })
  }
  const server = tls ? createHttpsServer(tls, handle) : createServer(handle)
  const running = await listen(server, '127.0.0.1', tls ? 'https' : 'http')
  return Object.assign(state, running, {
    revokeRefreshTokens: () => refreshTokens.clear(),
    expireAll: () => {
      for (const grant of accessTokens.values()) grant.live = false
    },
  })
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

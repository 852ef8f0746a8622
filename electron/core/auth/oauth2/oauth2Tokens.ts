import { createHash } from 'node:crypto'
import type { OAuth2Auth, OAuth2TokenStatus } from '../../../../shared/model/oauth2'
import { secretKey, type SecretStore } from '../../secrets/secretStore'
import { fetchToken, refreshToken, type OpenExternal, type TokenClient } from './grants'
import type { OAuth2Token, TokenPost, TokenPostOptions } from './tokenEndpoint'

/** A token this close to its expiry is renewed before a send rather than sent to be refused. */
const EXPIRY_MARGIN_MS = 30_000

/**
 * The access tokens of OAuth 2.0 auths, kept per workspace in the secret store (encrypted
 * by the OS keyring in the app, memory elsewhere: never clear text on disk). A token is
 * kept under the settings that got it (grant, endpoints, client, scope, audience,
 * resource, user), so changing any of them asks for a new one. Expired tokens are
 * refreshed with their refresh token, or fetched again with the grant.
 */
export class OAuth2Tokens {
  private readonly pending = new Map<string, Promise<OAuth2Token>>()

  /** @param post how token requests go out (the engine, for its proxy and TLS); Node's fetch by default */
  constructor(
    private readonly secrets: SecretStore,
    private readonly openExternal: OpenExternal,
    private readonly now: () => number = Date.now,
    private readonly post?: TokenPost,
  ) {}

  /** The grants' client, its token requests sent the way the caller's send goes. */
  private client(options: TokenPostOptions = {}): TokenClient {
    const post = this.post
    return {
      openExternal: this.openExternal,
      ...(post && {
        post: (url, headers, body, signal) => post(url, headers, body, signal, options),
      }),
    }
  }

  /** The kept token of `auth` (variables resolved) in `workspace`, or null. */
  status(auth: OAuth2Auth, workspace: string | null): OAuth2TokenStatus | null {
    const token = this.read(this.key(auth, workspace))
    return token && statusOf(token)
  }

  /** Forgets the kept token. */
  clear(auth: OAuth2Auth, workspace: string | null): void {
    this.secrets.delete(this.key(auth, workspace))
  }

  /** Runs the grant anew ("Get new token") and keeps what it gives. */
  async renew(
    auth: OAuth2Auth,
    workspace: string | null,
    signal?: AbortSignal,
    options?: TokenPostOptions,
  ): Promise<OAuth2TokenStatus> {
    const key = this.key(auth, workspace)
    const client = this.client(options)
    return statusOf(await this.once(key, () => fetchToken(auth, client, signal)))
  }

  /** The token to send: the kept one while valid, else refreshed, else fetched with the grant. */
  async current(
    auth: OAuth2Auth,
    workspace: string | null,
    signal?: AbortSignal,
    options?: TokenPostOptions,
  ): Promise<OAuth2Token> {
    const key = this.key(auth, workspace)
    const client = this.client(options)
    const kept = this.read(key)
    if (kept && (kept.expiresAt === null || kept.expiresAt - EXPIRY_MARGIN_MS > this.now())) {
      return kept
    }
    return this.once(key, async () => {
      if (kept?.refreshToken) {
        try {
          return await refreshToken(auth, kept.refreshToken, client, signal)
        } catch {
          // A refused refresh token (revoked, expired) is no reason to fail: run the grant again.
          if (signal?.aborted) throw signal.reason
        }
      }
      return fetchToken(auth, client, signal)
    })
  }

  /** One fetch per token at a time: sends that find it expired together share the new one. */
  private once(key: string, get: () => Promise<OAuth2Token>): Promise<OAuth2Token> {
    let running = this.pending.get(key)
    if (!running) {
      running = get()
        .then((token) => {
          this.secrets.set(key, JSON.stringify(token))
          return token
        })
        .finally(() => this.pending.delete(key))
      this.pending.set(key, running)
    }
    return running
  }

  private read(key: string): OAuth2Token | null {
    const text = this.secrets.get(key)
    if (text === undefined) return null
    try {
      const token = JSON.parse(text) as OAuth2Token
      return typeof token.accessToken === 'string' ? token : null
    } catch {
      return null
    }
  }

  private key(auth: OAuth2Auth, workspace: string | null): string {
    const settings = [
      auth.grant,
      auth.tokenUrl,
      auth.authUrl,
      auth.clientId,
      auth.scope,
      auth.audience,
      auth.resource,
      auth.username,
    ]
    const id = createHash('sha256').update(JSON.stringify(settings)).digest('base64url')
    return secretKey(workspace ?? '', 'oauth2-token', id)
  }
}

/** What the Auth tab may show of a token. */
export function statusOf(token: OAuth2Token): OAuth2TokenStatus {
  return {
    tokenType: token.tokenType,
    preview: token.accessToken.length > 12 ? `${token.accessToken.slice(0, 8)}…` : '…',
    expiresAt: token.expiresAt,
    refreshable: token.refreshToken !== null,
    scope: token.scope,
  }
}

/** The Authorization header value: `Bearer` spelled so whatever case the server used. */
export function authorizationValue(token: OAuth2Token): string {
  const type = token.tokenType.toLowerCase() === 'bearer' ? 'Bearer' : token.tokenType
  return `${type} ${token.accessToken}`
}

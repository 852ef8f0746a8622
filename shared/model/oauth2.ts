import * as z from 'zod'

/** The OAuth 2.0 grants Courier can run to get an access token. */
export const OAUTH2_GRANTS = [
  'client_credentials',
  'authorization_code',
  'password',
  'refresh_token',
] as const
export type OAuth2Grant = (typeof OAUTH2_GRANTS)[number]

/**
 * OAuth 2.0: Courier gets an access token from the token endpoint with the chosen grant,
 * keeps it (encrypted) per workspace, refreshes it when it expires and sends it as
 * `Authorization: <token_type> <token>`. Every text field may hold `{{variables}}`.
 */
export const OAuth2AuthSchema = z.object({
  type: z.literal('oauth2'),
  grant: z.enum(OAUTH2_GRANTS).default('client_credentials'),
  /** The token endpoint, e.g. `https://id.example.com/oauth/token`. */
  tokenUrl: z.string().default(''),
  /** The authorization endpoint the browser opens (authorization code grant only). */
  authUrl: z.string().default(''),
  clientId: z.string().default(''),
  /** A secret like Basic's password: kept in the secret store, never in the file. */
  clientSecret: z.string().default(''),
  /** How the client authenticates: an HTTP Basic header, or client_id/client_secret in the body. */
  clientAuth: z.enum(['basic', 'body']).default('basic'),
  /** Space-separated scopes; sent when not blank. */
  scope: z.string().default(''),
  /** `audience` (Auth0 and others); sent when not blank. */
  audience: z.string().default(''),
  /** `resource` (RFC 8707); sent when not blank. */
  resource: z.string().default(''),
  /** Password grant only. */
  username: z.string().default(''),
  /** Password grant only; a secret. */
  password: z.string().default(''),
  /** Refresh token grant only: the refresh token to start from; a secret. */
  refreshToken: z.string().default(''),
})
export type OAuth2Auth = z.infer<typeof OAuth2AuthSchema>

/** The fields of an OAuth 2.0 auth that are secrets, as the Auth tab names them. */
export const OAUTH2_SECRET_FIELDS = {
  clientSecret: 'OAuth 2.0 client secret',
  password: 'OAuth 2.0 password',
  refreshToken: 'OAuth 2.0 refresh token',
} as const
export type OAuth2SecretField = keyof typeof OAUTH2_SECRET_FIELDS

/** The secret fields a grant needs: blank, nothing can be fetched (MISSING_CREDENTIAL). */
export function requiredSecrets(auth: OAuth2Auth): OAuth2SecretField[] {
  switch (auth.grant) {
    case 'client_credentials':
      return ['clientSecret']
    case 'password':
      return ['password']
    case 'refresh_token':
      return ['refreshToken']
    default:
      // A public client with PKCE has no secret.
      return []
  }
}

/** The secret fields a grant uses at all (the others are left out of the token request). */
export function usedSecrets(auth: OAuth2Auth): OAuth2SecretField[] {
  switch (auth.grant) {
    case 'password':
      return ['clientSecret', 'password']
    case 'refresh_token':
      return ['clientSecret', 'refreshToken']
    default:
      return ['clientSecret']
  }
}

/** The auth with `map` applied to every text field (variable resolution). */
export function mapOAuth2Texts(auth: OAuth2Auth, map: (text: string) => string): OAuth2Auth {
  return {
    ...auth,
    tokenUrl: map(auth.tokenUrl),
    authUrl: map(auth.authUrl),
    clientId: map(auth.clientId),
    clientSecret: map(auth.clientSecret),
    scope: map(auth.scope),
    audience: map(auth.audience),
    resource: map(auth.resource),
    username: map(auth.username),
    password: map(auth.password),
    refreshToken: map(auth.refreshToken),
  }
}

/**
 * A blank OAuth 2.0 auth for the Auth tab's type picker: what OAuth2AuthSchema gives
 * `{ type: 'oauth2' }` (a test keeps them equal), written out so the renderer needs no zod.
 */
export function emptyOAuth2(): OAuth2Auth {
  return {
    type: 'oauth2',
    grant: 'client_credentials',
    tokenUrl: '',
    authUrl: '',
    clientId: '',
    clientSecret: '',
    clientAuth: 'basic',
    scope: '',
    audience: '',
    resource: '',
    username: '',
    password: '',
    refreshToken: '',
  }
}

/** What the Auth tab shows of a kept token: never the refresh token. */
export const OAuth2TokenStatusSchema = z.object({
  /** e.g. `Bearer`. */
  tokenType: z.string(),
  /** The first characters of the access token, to tell tokens apart. */
  preview: z.string(),
  /** When it expires, ms since the epoch; null when the server did not say. */
  expiresAt: z.number().nullable(),
  /** Whether a refresh token is kept, so an expired token is renewed without asking. */
  refreshable: z.boolean(),
  /** The scopes granted, when the server said. */
  scope: z.string().nullable(),
})
export type OAuth2TokenStatus = z.infer<typeof OAuth2TokenStatusSchema>

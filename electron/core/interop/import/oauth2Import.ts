import {
  OAuth2AuthSchema,
  type OAuth2Auth,
  type OAuth2Grant,
} from '../../../../shared/model/oauth2'
import { str, type Obj } from './importHelpers'

/** Postman's and Insomnia's grant names as Courier's grants. */
const GRANTS: Record<string, OAuth2Grant> = {
  client_credentials: 'client_credentials',
  authorization_code: 'authorization_code',
  authorization_code_with_pkce: 'authorization_code',
  password_credentials: 'password',
  password: 'password',
  refresh_token: 'refresh_token',
}

/** What every importer says about a grant it maps, and the redirect Courier uses. */
function grantOf(raw: string, where: string, notes: string[]): OAuth2Grant {
  const grant = GRANTS[raw]
  if (grant) return grant
  notes.push(
    `${where}: the OAuth 2.0 ${raw || 'unnamed'} grant is not offered by Courier (the implicit grant is deprecated); it became the authorization code grant with PKCE.`,
  )
  return 'authorization_code'
}

function redirectNote(grant: OAuth2Grant, redirect: string, where: string, notes: string[]) {
  if (grant === 'authorization_code' && redirect !== '') {
    notes.push(
      `${where}: OAuth 2.0 sign-in now comes back to http://127.0.0.1:<free port>/callback instead of ${redirect}; allow that loopback redirect at the authorization server.`,
    )
  }
}

/**
 * A Postman `oauth2` auth (its v2.1 {key, value} parameters, read into `params`) as
 * Courier's OAuth 2.0 auth. A token the collection kept is left behind: Courier gets its own.
 */
export function postmanOAuth2(params: Obj, where: string, notes: string[]): OAuth2Auth {
  const grant = grantOf(str(params.grant_type, 'authorization_code'), where, notes)
  redirectNote(grant, str(params.redirect_uri), where, notes)
  return OAuth2AuthSchema.parse({
    type: 'oauth2',
    grant,
    tokenUrl: str(params.accessTokenUrl),
    authUrl: str(params.authUrl),
    clientId: str(params.clientId),
    clientSecret: str(params.clientSecret),
    clientAuth: str(params.client_authentication) === 'body' ? 'body' : 'basic',
    scope: str(params.scope),
    audience: str(params.audience),
    resource: str(params.resource),
    username: str(params.username),
    password: str(params.password),
    refreshToken: str(params.refreshToken),
  })
}

/** An Insomnia `oauth2` authentication as Courier's OAuth 2.0 auth; `v` maps its template variables. */
export function insomniaOAuth2(
  auth: Obj,
  v: (key: string) => string,
  where: string,
  notes: string[],
): OAuth2Auth {
  const grant = grantOf(str(auth.grantType, 'authorization_code'), where, notes)
  redirectNote(grant, str(auth.redirectUrl), where, notes)
  return OAuth2AuthSchema.parse({
    type: 'oauth2',
    grant,
    tokenUrl: v('accessTokenUrl'),
    authUrl: v('authorizationUrl'),
    clientId: v('clientId'),
    clientSecret: v('clientSecret'),
    clientAuth: auth.credentialsInBody === true ? 'body' : 'basic',
    scope: v('scope'),
    audience: v('audience'),
    resource: v('resource'),
    username: v('username'),
    password: v('password'),
    refreshToken: v('refreshToken'),
  })
}

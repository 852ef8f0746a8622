import type { OAuth2Auth } from '../../../../shared/model/oauth2'

const POSTMAN_GRANTS: Record<OAuth2Auth['grant'], string> = {
  client_credentials: 'client_credentials',
  authorization_code: 'authorization_code_with_pkce',
  password: 'password_credentials',
  refresh_token: 'refresh_token',
}

/** Courier's OAuth 2.0 auth as Postman's `oauth2` parameters (secrets as the caller blanked them). */
export function postmanOAuth2Params(auth: OAuth2Auth): Record<string, string> {
  const params: Record<string, string> = {
    grant_type: POSTMAN_GRANTS[auth.grant],
    accessTokenUrl: auth.tokenUrl,
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    client_authentication: auth.clientAuth === 'body' ? 'body' : 'header',
    addTokenTo: 'header',
  }
  if (auth.grant === 'authorization_code') {
    params.authUrl = auth.authUrl
    params.challengeAlgorithm = 'S256'
  }
  if (auth.grant === 'password') {
    params.username = auth.username
    params.password = auth.password
  }
  if (auth.grant === 'refresh_token') params.refreshToken = auth.refreshToken
  for (const name of ['scope', 'audience', 'resource'] as const)
    if (auth[name] !== '') params[name] = auth[name]
  return params
}

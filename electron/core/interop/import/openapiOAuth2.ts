import {
  OAuth2AuthSchema,
  type OAuth2Auth,
  type OAuth2Grant,
} from '../../../../shared/model/oauth2'
import type { VariableRow } from '../../../../shared/model/variables'
import { obj, str, variable, type Obj } from './importHelpers'

/** An OAuth 2.0 flow as OpenAPI describes it, in Courier's terms. */
interface Flow {
  grant: OAuth2Grant
  tokenUrl: string
  authUrl: string
  /** The flow was implicit: Courier runs the authorization code grant instead. */
  implicit: boolean
}

/** OpenAPI 3's flow names, best first: PKCE sign-in, then machine, then password, then implicit. */
const FLOWS_3: [string, OAuth2Grant][] = [
  ['authorizationCode', 'authorization_code'],
  ['clientCredentials', 'client_credentials'],
  ['password', 'password'],
  ['implicit', 'authorization_code'],
]

/** Swagger 2's `flow` values. */
const FLOWS_2: Record<string, OAuth2Grant> = {
  accessCode: 'authorization_code',
  application: 'client_credentials',
  password: 'password',
  implicit: 'authorization_code',
}

/** The flow Courier runs for a scheme (OpenAPI 3 `flows`, Swagger 2 `flow`), or null. */
function pickFlow(scheme: Obj): Flow | null {
  const flows = obj(scheme.flows)
  for (const [name, grant] of FLOWS_3) {
    const flow = obj(flows[name])
    if (Object.keys(flow).length === 0) continue
    return {
      grant,
      tokenUrl: str(flow.tokenUrl),
      authUrl: str(flow.authorizationUrl),
      implicit: name === 'implicit',
    }
  }
  const grant = FLOWS_2[str(scheme.flow)]
  if (!grant) return null
  return {
    grant,
    tokenUrl: str(scheme.tokenUrl),
    authUrl: str(scheme.authorizationUrl),
    implicit: scheme.flow === 'implicit',
  }
}

/** A URL relative to the server (OpenAPI 3 allows it) is taken from the server variable. */
const absolute = (url: string) => (url.startsWith('/') ? `{{base_url}}${url}` : url)

/**
 * An OpenAPI `oauth2` security scheme as Courier's OAuth 2.0 auth, with the scopes the
 * requirement asks for. The client id is a `{{oauth2_client_id}}` variable and the secrets
 * (client secret, password) are secret variables, added to `variables` for the
 * environments. Null when the scheme names no flow Courier can run.
 */
export function openapiOAuth2(
  scheme: Obj,
  scopes: string[],
  where: string,
  notes: string[],
  variables: Map<string, VariableRow>,
): OAuth2Auth | null {
  const flow = pickFlow(scheme)
  if (!flow) return null
  const named = (name: string, secret: boolean) => {
    if (!variables.has(name)) variables.set(name, variable(name, '', true, secret))
    return `{{${name}}}`
  }
  if (flow.implicit)
    notes.push(
      `${where}: the OAuth 2.0 implicit flow is not offered by Courier (it is deprecated); it became the authorization code grant with PKCE. Set its token URL.`,
    )
  if (flow.grant === 'authorization_code')
    notes.push(
      `${where}: OAuth 2.0 sign-in comes back to http://127.0.0.1:<free port>/callback; allow that loopback redirect at the authorization server.`,
    )
  return OAuth2AuthSchema.parse({
    type: 'oauth2',
    grant: flow.grant,
    tokenUrl: absolute(flow.tokenUrl),
    authUrl: absolute(flow.authUrl),
    clientId: named('oauth2_client_id', false),
    clientSecret: flow.grant === 'client_credentials' ? named('oauth2_client_secret', true) : '',
    scope: scopes.join(' '),
    ...(flow.grant === 'password' && {
      username: named('oauth2_username', false),
      password: named('oauth2_password', true),
    }),
  })
}

import {
  OAUTH2_SECRET_FIELDS,
  requiredSecrets,
  type OAuth2Auth,
} from '../../../../shared/model/oauth2'
import { ENV_VAR_PREFIX } from '../../secrets/externalSecrets'
import { RequestFailure } from '../../http/requestFailure'

const REFERENCES = /\{\{\s*([^{}\s]+)\s*\}\}/g

/**
 * MISSING_CREDENTIAL for an OAuth 2.0 auth whose grant needs a secret (the client secret
 * for client credentials, the password, the refresh token) that is blank or a
 * `{{variable}}` without a value: nothing is asked of the token endpoint.
 */
export function oauth2MissingCredential(
  auth: OAuth2Auth,
  unresolved: readonly string[],
): RequestFailure | null {
  for (const field of requiredSecrets(auth)) {
    const value = auth[field]
    const name = OAUTH2_SECRET_FIELDS[field]
    if (value.trim() === '') {
      return new RequestFailure(
        'MISSING_CREDENTIAL',
        `The ${name} is empty, so no token was fetched and nothing was sent.`,
        `Type it in the request's Auth tab (or the folder's that it inherits from), or make it a {{variable}} and give the variable a value: ${ENV_VAR_PREFIX}<name>=…, a --secrets file or --var on the command line, a secret variable of the environment in the app.`,
      )
    }
    const missing = [...value.matchAll(REFERENCES)]
      .map((m) => m[1]!)
      .filter((n) => unresolved.includes(n))
    if (missing.length > 0) {
      const [first] = missing
      return new RequestFailure(
        'MISSING_CREDENTIAL',
        `The ${name} comes from ${missing.map((n) => `{{${n}}}`).join(', ')}, which has no value, so no token was fetched and nothing was sent.`,
        `Provide it with ${ENV_VAR_PREFIX}${first}=… or a --secrets file ({"${first}": "…"}) or --var ${first}=… on the command line, or as a secret variable "${first}" of the active environment in the app.`,
      )
    }
  }
  return null
}

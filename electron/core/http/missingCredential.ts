import type { RequestSpec } from '../../../shared/model/request'
import { oauth2MissingCredential } from '../auth/oauth2/oauth2MissingCredential'
import { ENV_VAR_PREFIX } from '../secrets/externalSecrets'
import { fieldOf, secretFieldsOf } from '../workspace/authSecrets'
import { RequestFailure } from './requestFailure'

/** Each auth field that holds a credential, as the Auth tab names it, and whether it may be blank. */
const FIELDS: Record<string, Record<string, { label: string; optional?: boolean }>> = {
  basic: { password: { label: 'Basic auth password' } },
  digest: { password: { label: 'Digest auth password' } },
  ntlm: { password: { label: 'NTLM password' } },
  bearer: { token: { label: 'Bearer token' } },
  apikey: { value: { label: 'API key value' } },
  awsv4: {
    secretAccessKey: { label: 'AWS secret access key' },
    sessionToken: { label: 'AWS session token', optional: true },
  },
}

const REFERENCES = /\{\{\s*([^{}\s]+)\s*\}\}/g

/**
 * Refuses a send whose auth credential is missing, naming the field and how to provide
 * it, rather than sending `user:` with an empty password or `Bearer ` with no token. A
 * credential is missing when the field is blank (a credential the secret store no longer
 * has: the command line, another machine, an import that held it back) or when it is a
 * `{{variable}}` that has no value. A variable set to an empty value is an explicit
 * choice and goes out as it is.
 *
 * @param unresolved the variables the request uses that have no value (resolveRequest)
 */
export function missingCredential(
  spec: RequestSpec,
  unresolved: readonly string[],
): RequestFailure | null {
  if (spec.auth.type === 'oauth2') return oauth2MissingCredential(spec.auth, unresolved)
  for (const field of secretFieldsOf(spec.auth)) {
    const about = FIELDS[spec.auth.type]?.[field]
    if (!about) continue
    const failure = missingField(fieldOf(spec.auth, field), about, unresolved)
    if (failure) return failure
  }
  return null
}

function missingField(
  credential: string,
  { label, optional }: { label: string; optional?: boolean },
  unresolved: readonly string[],
): RequestFailure | null {
  if (credential.trim() === '') {
    if (optional) return null
    return new RequestFailure(
      'MISSING_CREDENTIAL',
      `The ${label} is empty, so nothing was sent.`,
      `Type it in the request's Auth tab (or the folder's that it inherits from), or make it a {{variable}} and give the variable a value: ${ENV_VAR_PREFIX}<name>=…, a --secrets file or --var on the command line, a secret variable of the environment in the app.`,
    )
  }
  const names = [...credential.matchAll(REFERENCES)].map((m) => m[1]!)
  const missing = names.filter((name) => unresolved.includes(name))
  if (missing.length === 0) return null
  const [name] = missing
  return new RequestFailure(
    'MISSING_CREDENTIAL',
    `The ${label} comes from ${missing.map((n) => `{{${n}}}`).join(', ')}, which has no value, so nothing was sent.`,
    `Provide it with ${ENV_VAR_PREFIX}${name}=… or a --secrets file ({"${name}": "…"}) or --var ${name}=… on the command line, or as a secret variable "${name}" of the active environment in the app.`,
  )
}

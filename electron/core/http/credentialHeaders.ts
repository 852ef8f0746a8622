import type { RequestAuth } from '../../../shared/model/request'

/**
 * Headers that carry a credential whatever their value (lower case): the standard ones,
 * and the API-key and token headers common services use (GitLab's Private-Token, ...).
 */
const CREDENTIAL_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'private-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
])

/** Secrets shorter than this count only where they are a header's whole value ("1" is in everything). */
const MIN_SUBSTRING_LENGTH = 3

/** What marks a header as a credential for one exchange. */
export interface CredentialSources {
  /** The request's auth, variables resolved: its header is a credential. */
  auth: RequestAuth
  /** The values of the secret variables the request was resolved with. */
  secretValues: readonly string[]
}

/**
 * The names (lower case) of the headers in `headers` that carry credentials: known
 * credential names, the header the auth puts its credential in, and any header whose
 * value holds a secret variable's value. These are the ones a redirect to another origin
 * must not carry (curl's rule without --location-trusted, widened to custom headers).
 */
export function credentialHeaderNames(
  headers: readonly (readonly [string, string])[],
  sources: CredentialSources,
): Set<string> {
  const names = new Set<string>()
  const auth = sources.auth
  if (auth.type === 'apikey' && auth.in === 'header') names.add(auth.key.toLowerCase())
  const secrets = sources.secretValues.filter((s) => s !== '')
  for (const [name, value] of headers) {
    const lower = name.toLowerCase()
    if (CREDENTIAL_NAMES.has(lower) || holdsSecret(value, secrets)) names.add(lower)
  }
  return names
}

function holdsSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => value === s || (s.length >= MIN_SUBSTRING_LENGTH && value.includes(s)))
}

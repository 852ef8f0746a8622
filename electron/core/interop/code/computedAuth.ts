import type { RequestAuth } from '../../../../shared/model/request'
import type { PreparedRequest } from './preparedRequest'

/** The auths whose header is computed when sending, which generated code must make itself. */
export type ComputedAuth = Extract<RequestAuth, { type: 'digest' | 'ntlm' | 'awsv4' | 'oauth2' }>

/** The placeholder an OAuth 2.0 request's code sends: Courier fetches the token, the code cannot. */
export const OAUTH2_TOKEN_PLACEHOLDER = '<access token>'

/** NTLM's user as clients take it: `DOMAIN\\user` when a domain is set apart. */
export function ntlmUser(auth: Extract<RequestAuth, { type: 'ntlm' }>): string {
  return auth.domain === '' || auth.username.includes('\\')
    ? auth.username
    : `${auth.domain}\\${auth.username}`
}

/**
 * A comment line for code that cannot compute the request's auth itself, so the reader
 * knows the request would go out without its credentials (or with a placeholder token).
 * `native` lists the auth types the generator expresses with its own option (curl's
 * `--digest`, requests' `HTTPDigestAuth`), which need no comment.
 */
export function computedAuthNote(
  request: PreparedRequest,
  comment: string,
  native: readonly ComputedAuth['type'][] = [],
): string | null {
  const auth = request.auth
  if (!['digest', 'ntlm', 'awsv4', 'oauth2'].includes(auth.type)) return null
  if (native.includes(auth.type as ComputedAuth['type'])) return null
  switch (auth.type) {
    case 'ntlm':
      return `${comment} NTLM auth (user ${JSON.stringify(ntlmUser(auth))}) is left out: this client has no built-in NTLM. Sign in with an NTLM library on one kept-alive connection, or use the cURL or Python code.`
    case 'digest':
      return `${comment} Digest auth (user ${JSON.stringify(auth.username)}) is left out: this client has no built-in Digest. Answer the server's 401 challenge with a Digest library, or use the cURL or Python code.`
    case 'awsv4':
      return `${comment} AWS Signature V4 (${auth.region}, ${auth.service}) is left out: sign the request with the AWS SDK's signer before sending, or use the cURL or Python code.`
    case 'oauth2':
      return `${comment} OAuth 2.0: Courier fetches the token. Put the access token the Auth tab shows in place of ${OAUTH2_TOKEN_PLACEHOLDER}.`
    default:
      return null
  }
}

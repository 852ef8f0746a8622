import type { RequestSpec } from '../../../../shared/model/request'
import { oauth2Failure } from './oauth2Failure'
import { authorizationValue, type OAuth2Tokens } from './oauth2Tokens'

/**
 * The request with its OAuth 2.0 auth (variables resolved) turned into the Authorization
 * header it sends: the kept token, or one refreshed or fetched now. Other auths pass as
 * they are.
 */
export async function withOAuth2Token(
  spec: RequestSpec,
  tokens: OAuth2Tokens | undefined,
  workspace: string | null,
  /** The send's abort signal, asked for only when a token is fetched. */
  signal: () => AbortSignal,
  /** The send's "verify TLS": the token request is verified as the send is. */
  verifyTls?: boolean,
): Promise<RequestSpec> {
  if (spec.auth.type !== 'oauth2') return spec
  if (!tokens) {
    throw oauth2Failure(
      'OAuth 2.0 tokens cannot be fetched here, so nothing was sent.',
      'Send the request from the app or the courier command line.',
    )
  }
  const options = verifyTls === undefined ? {} : { verifyTls }
  const token = await tokens.current(spec.auth, workspace, signal(), options)
  return {
    ...spec,
    auth: { type: 'apikey', key: 'Authorization', value: authorizationValue(token), in: 'header' },
  }
}

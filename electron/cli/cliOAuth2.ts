import { OAuth2Tokens } from '../core/auth/oauth2/oauth2Tokens'
import { printedSignIn } from '../core/auth/oauth2/printedSignIn'
import { MemorySecretStore } from '../core/secrets/memorySecretStore'
import type { CliIo } from './cliIo'

/**
 * OAuth 2.0 tokens for one command: fetched with the request's saved settings (client
 * credentials, password and refresh token grants without asking; the authorization code
 * grant prints the URL on stderr and listens for the browser), kept for this process only.
 */
export function cliOAuth2Tokens(io: CliIo): OAuth2Tokens {
  return new OAuth2Tokens(new MemorySecretStore(null), printedSignIn(io.stderr))
}

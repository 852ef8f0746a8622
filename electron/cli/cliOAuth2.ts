import { enginePost } from '../core/auth/oauth2/enginePost'
import { OAuth2Tokens } from '../core/auth/oauth2/oauth2Tokens'
import type { HttpEngine } from '../core/http/engine'
import { printedSignIn } from '../core/auth/oauth2/printedSignIn'
import { MemorySecretStore } from '../core/secrets/memorySecretStore'
import type { CliIo } from './cliIo'

/**
 * OAuth 2.0 tokens for one command: fetched with the request's saved settings (client
 * credentials, password and refresh token grants without asking; the authorization code
 * grant prints the URL on stderr and listens for the browser), kept for this process only.
 */
export function cliOAuth2Tokens(io: CliIo, engine: () => HttpEngine): OAuth2Tokens {
  // Through the engine: token requests take the command's --proxy as the sends do.
  return new OAuth2Tokens(
    new MemorySecretStore(null),
    printedSignIn(io.stderr),
    Date.now,
    enginePost(engine),
  )
}

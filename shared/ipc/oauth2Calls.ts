import * as z from 'zod'
import { OAuth2AuthSchema, OAuth2TokenStatusSchema } from '../model/oauth2'
import { RequestErrorSchema } from '../model/requestError'

/** Which token: the auth as edited ({{variables}} kept), the variables in scope, the workspace. */
const TokenRefSchema = z.object({
  auth: OAuth2AuthSchema,
  variables: z.record(z.string(), z.string()).default({}),
  /** The workspace folder the request belongs to; null outside one. Tokens are kept per workspace. */
  workspace: z.string().max(4096).nullable(),
})

/** The OAuth 2.0 token calls of the Auth tab, spread into the contract's `calls`. */
export const oauth2Calls = {
  /** The kept token of this auth, or null when none is kept. */
  'oauth2:status': { args: TokenRefSchema, result: OAuth2TokenStatusSchema.nullable() },
  /**
   * "Get new token": runs the grant now (the authorization code grant opens the browser)
   * and keeps the token. A refusal is a result, worded like a send's failure.
   */
  'oauth2:fetch': {
    args: TokenRefSchema.extend({
      /** Names this sign-in so `oauth2:cancel` can stop it (the wait for the browser included). */
      signInId: z.string().min(1).max(100).optional(),
    }),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), status: OAuth2TokenStatusSchema }),
      z.object({ ok: z.literal(false), error: RequestErrorSchema }),
    ]),
  },
  /**
   * "Cancel sign-in": stops the `oauth2:fetch` of this id (its loopback listener closes; the
   * fetch answers a failure saying it was cancelled). False when none is running.
   */
  'oauth2:cancel': {
    args: z.object({ signInId: z.string().min(1).max(100) }),
    result: z.boolean(),
  },
  /** "Clear token": forgets the kept token. */
  'oauth2:clear': { args: TokenRefSchema, result: z.boolean() },
} as const

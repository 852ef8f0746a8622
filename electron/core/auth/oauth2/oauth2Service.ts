import type { CallResult, ParsedCallArgs } from '../../../../shared/ipc'
import { findVariables, resolveText } from '../../../../shared/logic/variables'
import { mapOAuth2Texts, type OAuth2Auth } from '../../../../shared/model/oauth2'
import { describeFailure } from '../../http/describeFailure'
import { oauth2MissingCredential } from './oauth2MissingCredential'
import type { OAuth2Tokens } from './oauth2Tokens'

type Ref = ParsedCallArgs<'oauth2:status'>

/** The auth with its {{variables}} resolved, and the names that have no value. */
function resolved({ auth, variables }: Ref): { auth: OAuth2Auth; unresolved: string[] } {
  const done = mapOAuth2Texts(auth, (text) => resolveText(text, variables))
  const unresolved = new Set<string>()
  mapOAuth2Texts(done, (text) => {
    for (const name of findVariables(text)) unresolved.add(name)
    return text
  })
  return { auth: done, unresolved: [...unresolved] }
}

/** The Auth tab's token calls, on the tokens the engine sends with. */
export function oauth2Service(tokens: OAuth2Tokens) {
  // Running "Get new token"s by sign-in id, so the tester can cancel the wait for the browser.
  const running = new Map<string, AbortController>()
  return {
    'oauth2:status': async (ref: Ref): Promise<CallResult<'oauth2:status'>> =>
      tokens.status(resolved(ref).auth, ref.workspace),
    'oauth2:clear': async (ref: Ref): Promise<CallResult<'oauth2:clear'>> => {
      tokens.clear(resolved(ref).auth, ref.workspace)
      return true
    },
    'oauth2:fetch': async (
      ref: ParsedCallArgs<'oauth2:fetch'>,
    ): Promise<CallResult<'oauth2:fetch'>> => {
      const controller = new AbortController()
      if (ref.signInId) running.set(ref.signInId, controller)
      try {
        const { auth, unresolved } = resolved(ref)
        const missing = oauth2MissingCredential(auth, unresolved)
        if (missing) throw missing
        return { ok: true, status: await tokens.renew(auth, ref.workspace, controller.signal) }
      } catch (error) {
        return {
          ok: false,
          error: describeFailure(error, { target: '', timeoutMs: 0 }).toRequestError(),
        }
      } finally {
        if (ref.signInId) running.delete(ref.signInId)
      }
    },
    'oauth2:cancel': async ({
      signInId,
    }: ParsedCallArgs<'oauth2:cancel'>): Promise<CallResult<'oauth2:cancel'>> => {
      const controller = running.get(signInId)
      controller?.abort()
      return controller !== undefined
    },
  }
}

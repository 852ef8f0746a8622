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
  return {
    'oauth2:status': async (ref: Ref): Promise<CallResult<'oauth2:status'>> =>
      tokens.status(resolved(ref).auth, ref.workspace),
    'oauth2:clear': async (ref: Ref): Promise<CallResult<'oauth2:clear'>> => {
      tokens.clear(resolved(ref).auth, ref.workspace)
      return true
    },
    'oauth2:fetch': async (ref: Ref): Promise<CallResult<'oauth2:fetch'>> => {
      try {
        const { auth, unresolved } = resolved(ref)
        const missing = oauth2MissingCredential(auth, unresolved)
        if (missing) throw missing
        return { ok: true, status: await tokens.renew(auth, ref.workspace) }
      } catch (error) {
        return {
          ok: false,
          error: describeFailure(error, { target: '', timeoutMs: 0 }).toRequestError(),
        }
      }
    },
  }
}

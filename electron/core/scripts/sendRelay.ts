import type { ScriptHost } from '../checks/scriptPort'
import type { CookieHooks } from '../http/redirects'
import { isJarCall, relayJarCall } from './jarRelay'
import type { SendOutcome } from './scriptMessages'
import { httpRequest, response } from './scriptShapes'
import type { ScriptSendRequest } from './scriptTypes'

/** Carries out a script's call to the host: a pm.cookies.jar() call, or a pm.sendRequest. */
export function relayHostCall(
  sendRequest: ScriptSendRequest | undefined,
  host: ScriptHost | undefined,
  request: unknown,
  signal: AbortSignal,
): Promise<SendOutcome> {
  return isJarCall(request)
    ? relayJarCall(host?.cookies, request)
    : relaySendRequest(sendRequest, request, signal, host?.requestCookies)
}

/**
 * Carries out one pm.sendRequest for a script: checks the request it asked for, sends it
 * with the host's `sendRequest`, and words the outcome the way the script will see it.
 * Never rejects: a bad request or a failed send is an outcome with an error.
 */
async function relaySendRequest(
  sendRequest: ScriptSendRequest | undefined,
  request: unknown,
  signal: AbortSignal,
  cookies?: CookieHooks | null,
): Promise<SendOutcome> {
  let checked
  try {
    checked = httpRequest(request, 'request')
  } catch (error) {
    return { ok: false, error: { message: `pm.sendRequest: ${(error as Error).message}` } }
  }
  if (!sendRequest) {
    return {
      ok: false,
      error: { message: 'pm.sendRequest is not available here: this runner sends no requests.' },
    }
  }
  try {
    const sent = await sendRequest(checked, { signal, cookies })
    return { ok: true, response: response(sent, 'response') }
  } catch (error) {
    const e = error as Error & { code?: unknown }
    const code = typeof e?.code === 'string' ? e.code : undefined
    return { ok: false, error: { message: e?.message ?? String(error), ...(code && { code }) } }
  }
}

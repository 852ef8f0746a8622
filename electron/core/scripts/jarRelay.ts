import type { ScriptCookie, ScriptCookieJar } from '../checks/scriptPort'
import { boolean, isRecord, number, object, oneOf, optional, string, type Check } from './jsonShape'
import type { SendOutcome } from './scriptMessages'

/** One pm.cookies.jar() call, as the kernel posts it (sandbox/cookieJar.ts). */
export type JarCall =
  | { op: 'get' | 'unset'; url: string; name: string }
  | { op: 'getAll'; url: string; options: { http?: boolean; secure?: boolean } }
  | { op: 'set'; url: string; cookie: ScriptCookie | string }
  | { op: 'clear'; url: string }

/** Whether a script's call to the host is a jar call (`{ jar }`) rather than pm.sendRequest. */
export function isJarCall(request: unknown): request is { jar: unknown } {
  return isRecord(request) && 'jar' in request
}

const cookie: Check<ScriptCookie | string> = (v, path) =>
  typeof v === 'string'
    ? v
    : object<ScriptCookie>({
        name: string,
        value: string,
        domain: optional(string),
        path: optional(string),
        expires: optional(string),
        maxAge: optional(number()),
        secure: optional(boolean),
        httpOnly: optional(boolean),
        hostOnly: optional(boolean),
      })(v, path)

const jarCall: Check<JarCall> = (v, path) => {
  const op = oneOf('get', 'getAll', 'set', 'unset', 'clear')(isRecord(v) ? v.op : v, `${path}.op`)
  switch (op) {
    case 'get':
    case 'unset':
      return object({ op: oneOf(op), url: string, name: string })(v, path)
    case 'getAll': {
      const options = object({ http: optional(boolean), secure: optional(boolean) })
      return object({ op: oneOf(op), url: string, options })(v, path)
    }
    case 'set':
      return object({ op: oneOf(op), url: string, cookie })(v, path)
    case 'clear':
      return object({ op: oneOf(op), url: string })(v, path)
  }
}

/**
 * Carries out one pm.cookies.jar() call on the run's jar: checks it, and words the outcome
 * the way the script's callback gets it. Never rejects.
 */
export async function relayJarCall(
  jar: ScriptCookieJar | null | undefined,
  request: { jar: unknown },
): Promise<SendOutcome> {
  let call: JarCall
  try {
    call = jarCall(request.jar, 'call')
  } catch (error) {
    return { ok: false, error: { message: `pm.cookies.jar(): ${(error as Error).message}` } }
  }
  if (!jar) {
    return {
      ok: false,
      error: {
        message:
          "pm.cookies.jar(): no cookie jar is in use here. A run's cookies are off, or `courier send` was given no --cookie-jar file.",
      },
    }
  }
  try {
    return { ok: true, response: await answer(jar, call) }
  } catch (error) {
    return { ok: false, error: { message: (error as Error)?.message ?? String(error) } }
  }
}

function answer(jar: ScriptCookieJar, call: JarCall): Promise<unknown> {
  switch (call.op) {
    case 'get':
      return jar.get(call.url, call.name)
    case 'getAll':
      return jar.getAll(call.url, call.options)
    case 'set':
      return jar.set(call.url, call.cookie)
    case 'unset':
      return jar.unset(call.url, call.name).then(() => null)
    case 'clear':
      return jar.clear(call.url).then(() => null)
  }
}

import { CallError } from '../../../shared/ipc/callError'
import type { CallResult, ParsedCallArgs } from '../../../shared/ipc'
import { CookieNotFound, type WorkspaceCookies } from './workspaceCookies'

type Cookies = CallResult<'cookies:list'>

/** A cookie gone meanwhile is a clear FAILED, not a crash of the call. */
function answer(change: () => Cookies): Cookies {
  try {
    return change()
  } catch (error) {
    if (error instanceof CookieNotFound) throw new CallError('FAILED', error.message)
    throw error
  }
}

/** The Cookies manager's calls, on the workspaces' jars the app sends with. */
export function cookieService(jars: WorkspaceCookies) {
  return {
    'cookies:list': async ({ workspace }: ParsedCallArgs<'cookies:list'>) => jars.list(workspace),
    'cookies:add': async ({ workspace, cookie }: ParsedCallArgs<'cookies:add'>) =>
      jars.add(workspace, cookie),
    'cookies:update': async ({ workspace, cookie, edit }: ParsedCallArgs<'cookies:update'>) =>
      answer(() => jars.update(workspace, cookie, edit)),
    'cookies:delete': async ({ workspace, cookie }: ParsedCallArgs<'cookies:delete'>) =>
      jars.delete(workspace, cookie),
    'cookies:deleteDomain': async ({ workspace, domain }: ParsedCallArgs<'cookies:deleteDomain'>) =>
      jars.deleteDomain(workspace, domain),
    'cookies:clear': async ({ workspace }: ParsedCallArgs<'cookies:clear'>) =>
      jars.clear(workspace),
  }
}

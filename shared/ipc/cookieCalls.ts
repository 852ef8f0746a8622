import * as z from 'zod'
import {
  CookieEditSchema,
  CookieNewSchema,
  CookieRefSchema,
  StoredCookieSchema,
} from '../model/cookie'

/** A workspace's folder, or null for requests outside one. */
const Workspace = z.object({ workspace: z.string().max(4096).nullable() })
const Cookies = z.array(StoredCookieSchema)

/**
 * The Cookies manager's calls on a workspace's jar, spread into the contract's `calls`.
 * Each answers the jar's cookies as they are after the change.
 */
export const cookieCalls = {
  'cookies:list': { args: Workspace, result: Cookies },
  'cookies:add': { args: Workspace.extend({ cookie: CookieNewSchema }), result: Cookies },
  'cookies:update': {
    args: Workspace.extend({ cookie: CookieRefSchema, edit: CookieEditSchema }),
    result: Cookies,
  },
  'cookies:delete': { args: Workspace.extend({ cookie: CookieRefSchema }), result: Cookies },
  'cookies:deleteDomain': {
    args: Workspace.extend({ domain: z.string().min(1).max(255) }),
    result: Cookies,
  },
  'cookies:clear': { args: Workspace, result: Cookies },
} as const

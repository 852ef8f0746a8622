import type { CourierApi } from '../../shared/ipc'
import type { StoredCookie } from '../../shared/model/cookie'

/** The Cookies manager's calls over an in-memory list, for component tests. */
export function fakeCookies(initial: StoredCookie[] = []): CourierApi['cookies'] {
  let cookies = [...initial]
  const same = (a: { domain: string; path: string; name: string }, b: typeof a) =>
    a.domain === b.domain && a.path === b.path && a.name === b.name
  return {
    list: async () => [...cookies],
    add: async ({ cookie }) => {
      const hostOnly = !cookie.domain.startsWith('.')
      const added = { ...cookie, domain: cookie.domain.replace(/^\./, ''), hostOnly }
      cookies = [...cookies.filter((c) => !same(c, added)), added]
      return [...cookies]
    },
    update: async ({ cookie, edit }) => {
      cookies = cookies.map((c) => (same(c, cookie) ? { ...c, ...edit } : c))
      return [...cookies]
    },
    delete: async ({ cookie }) => {
      cookies = cookies.filter((c) => !same(c, cookie))
      return [...cookies]
    },
    deleteDomain: async ({ domain }) => {
      cookies = cookies.filter((c) => c.domain !== domain)
      return [...cookies]
    },
    clear: async () => {
      cookies = []
      return []
    },
  }
}

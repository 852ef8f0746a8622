/** At most this many start-up and session notices are kept for the user to read. */
export const MAX_NOTICES = 20

const DROPPED = /^(\d+) earlier notices? (?:was|were) dropped\.$/

/**
 * Adds a notice for the user (appInfo.notices) without letting the list grow for the
 * whole session: a message already listed is not repeated, and past `max` the oldest go,
 * the first line then saying how many were dropped. A history that keeps failing (a
 * full disk) reports once per batch; the list must stay small and readable.
 */
export function addNotice(notices: string[], message: string, max = MAX_NOTICES): void {
  if (notices.includes(message)) return
  let dropped = 0
  const head = DROPPED.exec(notices[0] ?? '')
  if (head) {
    dropped = Number(head[1])
    notices.shift()
  }
  notices.push(message)
  if (dropped > 0 || notices.length > max) {
    while (notices.length > max - 1) {
      notices.shift()
      dropped++
    }
    notices.unshift(`${dropped} earlier ${dropped === 1 ? 'notice was' : 'notices were'} dropped.`)
  }
}

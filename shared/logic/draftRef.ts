/**
 * How a big body draft is referred to instead of carried whole. The open-tabs state keeps
 * bodies over DRAFT_MIN_BYTES in files of their own, named by the SHA-256 of their UTF-8
 * bytes; in the saved state, and in a `state:save` whose body did not change since the
 * last one, the body text is this reference. A real body never starts with a NUL.
 */

/** Bodies bigger than this (UTF-8 bytes) are kept beside the settings file, not in it. */
export const DRAFT_MIN_BYTES = 256 * 1024

const PREFIX = '\u0000courier-draft:sha256:'
const HASH = /^[0-9a-f]{64}$/

/** The reference to the draft whose text has this SHA-256 (lowercase hex). */
export function draftRef(sha256: string): string {
  return PREFIX + sha256
}

/** The SHA-256 a text refers to, or null when the text is a body of its own. */
export function draftRefHash(text: string): string | null {
  if (!text.startsWith(PREFIX)) return null
  const hash = text.slice(PREFIX.length)
  return HASH.test(hash) ? hash : null
}

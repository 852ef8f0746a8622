import type { ResponseRecord } from '../../../shared/model/response'
import type { BodyStore } from '../bodies/bodyStore'

/** The most body text scripts and assertions get: beyond it they see none (and say so). */
export const CHECKED_BODY_MAX_BYTES = 64 * 1024 * 1024

/**
 * A response's whole body as text for scripts and assertions: the record's own body when
 * it came whole, else read back from the body store; null for a binary body, or one over
 * CHECKED_BODY_MAX_BYTES or no longer kept.
 */
export async function bodyTextOf(
  response: ResponseRecord,
  bodies: BodyStore,
): Promise<string | null> {
  if (response.bodyEncoding !== 'utf8') return null
  if (response.bodyComplete) return response.body
  if (!response.bodyId || response.sizes.body > CHECKED_BODY_MAX_BYTES) return null
  try {
    return await bodies.contents(response.bodyId, 'utf8')
  } catch {
    return null
  }
}

/** The request's name for pm.info and its script: the last part of its saved path. */
export function requestNameOf(requestPath: string | null): string {
  const file = requestPath?.split('/').at(-1) ?? ''
  return file.replace(/\.request\.json$/, '') || 'New request'
}

import type { SendResult } from '../../../shared/ipc/contract'
import type { BodyStore } from '../bodies/bodyStore'

/**
 * A send as history keeps it: a body too big to travel whole is read back from the body
 * store up to the history's per-entry limit (one byte more, so the entry is marked cut),
 * and the session's body id is dropped, since it means nothing after the session.
 */
export async function withBodyForHistory(
  result: SendResult,
  bodies: BodyStore,
  maxBodyBytes: number,
): Promise<SendResult> {
  if (!result.ok) return result
  const response = { ...result.response, bodyId: null, overLimit: false }
  const id = result.response.bodyId
  if (!result.response.bodyComplete && id && bodies.has(id)) {
    response.body = await bodies.contents(id, response.bodyEncoding, maxBodyBytes + 1)
  }
  return { ...result, response }
}

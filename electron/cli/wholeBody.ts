import type { SendResult } from '../../shared/ipc/contract'
import type { BodyStore } from '../core/bodies/bodyStore'

/**
 * The command line prints the whole body, so a response that came back as a preview
 * (too big to travel whole in the app) gets its body read back from the engine's store.
 */
export async function withWholeBody(result: SendResult, bodies: BodyStore): Promise<SendResult> {
  if (!result.ok || result.response.bodyComplete || !result.response.bodyId) return result
  const body = await bodies.contents(result.response.bodyId, result.response.bodyEncoding)
  return { ok: true, response: { ...result.response, body, bodyComplete: true } }
}

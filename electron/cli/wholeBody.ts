import type { SendResult } from '../../shared/ipc/contract'
import type { BodyStore } from '../core/bodies/bodyStore'

/**
 * The command line prints the whole body, so a response that came back as a preview
 * (too big to travel whole in the app) gets its body read back from the engine's store.
 */
export async function withWholeBody(result: SendResult, bodies: BodyStore): Promise<SendResult> {
  if (!result.ok || result.response.bodyComplete || !result.response.bodyId) return result
  const id = result.response.bodyId
  const bytes = await bodies.read(id, 0, bodies.size(id))
  const body =
    result.response.bodyEncoding === 'utf8' ? bodies.decoderOf(id)(bytes) : bytes.toString('base64')
  return { ok: true, response: { ...result.response, body, bodyComplete: true } }
}

import { inBackground } from '../composables/inBackground'

/**
 * The SHA-256 (hex) of a text's UTF-8 bytes, the name the Node side gives a big draft
 * (see shared/logic/draftRef.ts), computed in a worker. Null where there is no Worker
 * (happy-dom tests) or no WebCrypto: the caller then simply sends the whole text again.
 */
export function digestInBackground(text: string): Promise<string | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null)
  return inBackground({ op: 'digest', text }).result
}

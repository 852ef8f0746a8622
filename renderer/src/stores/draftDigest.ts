/**
 * The SHA-256 (hex) of a text's UTF-8 bytes, the name the Node side gives a big draft
 * (see shared/logic/draftRef.ts), computed in a worker. Null where there is no Worker
 * (happy-dom tests) or no WebCrypto: the caller then simply sends the whole text again.
 */
export function digestInBackground(text: string): Promise<string | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null)
  let worker: Worker
  try {
    worker = new Worker(new URL('../workers/textDigest.worker.ts', import.meta.url), {
      type: 'module',
    })
  } catch {
    return Promise.resolve(null)
  }
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<string | null>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      resolve(null)
    }
    worker.postMessage(text)
  })
}

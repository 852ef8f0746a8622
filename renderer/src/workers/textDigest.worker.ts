/**
 * The SHA-256 of a text's UTF-8 bytes, off the UI thread (see stores/draftDigest.ts):
 * encoding a 50 MB text alone takes ~140 ms. Message in: the text. Message out: the hash
 * as lowercase hex, or null when this context has no WebCrypto.
 */
addEventListener('message', (event: MessageEvent<string>) => {
  if (!globalThis.crypto?.subtle) {
    postMessage(null)
    return
  }
  void crypto.subtle.digest('SHA-256', new TextEncoder().encode(event.data)).then((digest) => {
    postMessage(Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''))
  })
})

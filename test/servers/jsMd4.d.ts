// js-md4 ships no types; the NTLM verifier uses only this.
declare module 'js-md4' {
  const md4: { arrayBuffer(message: Uint8Array | string): ArrayBuffer }
  export default md4
}

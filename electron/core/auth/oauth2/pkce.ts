import { createHash, randomBytes } from 'node:crypto'

/** A PKCE pair (RFC 7636): the verifier stays with Courier, the S256 challenge goes to the browser. */
export interface Pkce {
  verifier: string
  challenge: string
}

/** 32 random bytes as base64url: a 43-character verifier, the RFC's recommended size. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: s256Challenge(verifier) }
}

/** BASE64URL(SHA256(verifier)), the `S256` method. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

/** An unguessable `state`, checked on the redirect so no other page can hand Courier a code. */
export function createState(): string {
  return randomBytes(16).toString('base64url')
}

import { createHmac, timingSafeEqual } from 'node:crypto'
import md4 from 'js-md4'

// The server side of NTLM, written from MS-NLMP (sections 2.2 and 3.3.2) for the test
// server, apart from the client Courier uses (httpntlm): MD4 from js-md4, HMAC-MD5 from
// node:crypto. Checked against the specification's own values (section 4.2.4) in
// test/core/http/auth/ntlmVerifier.test.ts.

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1')
const FLAGS = {
  unicode: 0x00000001,
  requestTarget: 0x00000004,
  ntlm: 0x00000200,
  alwaysSign: 0x00008000,
  targetTypeDomain: 0x00010000,
  extendedSecurity: 0x00080000,
  targetInfo: 0x00800000,
  k128: 0x20000000,
  k56: 0x80000000,
}

const utf16 = (text: string) => Buffer.from(text, 'utf16le')
const hmacMd5 = (key: Buffer, ...data: Buffer[]) =>
  createHmac('md5', key).update(Buffer.concat(data)).digest()

/** NTOWFv1: MD4 of the password in UTF-16LE (MS-NLMP 3.3.1). */
export function ntHash(password: string): Buffer {
  return Buffer.from(md4.arrayBuffer(utf16(password)))
}

/** NTOWFv2 = ResponseKeyNT: HMAC-MD5 keyed with NTOWFv1 of Uppercase(user) + domain (3.3.2). */
export function ntowfv2(password: string, user: string, domain: string): Buffer {
  return hmacMd5(ntHash(password), utf16(user.toUpperCase() + domain))
}

/** NTProofStr: HMAC-MD5(ResponseKeyNT, server challenge + temp) (3.3.2). */
export function ntProof(key: Buffer, serverChallenge: Buffer, temp: Buffer): Buffer {
  return hmacMd5(key, serverChallenge, temp)
}

/** LMv2 response: HMAC-MD5(ResponseKeyLM, server + client challenge) + client challenge. */
export function lmv2Response(key: Buffer, serverChallenge: Buffer, clientChallenge: Buffer) {
  return Buffer.concat([hmacMd5(key, serverChallenge, clientChallenge), clientChallenge])
}

/** AV pairs (2.2.2.1) naming the server and its domain, ended by MsvAvEOL. */
export function targetInfo(domain: string, server: string): Buffer {
  const pair = (id: number, value: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt16LE(id, 0)
    head.writeUInt16LE(value.length, 2)
    return Buffer.concat([head, value])
  }
  return Buffer.concat([pair(2, utf16(domain)), pair(1, utf16(server)), Buffer.alloc(4)])
}

/** The type of an NTLM message (1, 2 or 3), or null when it is none. */
export function messageType(message: Buffer): number | null {
  if (message.length < 12 || !message.subarray(0, 8).equals(SIGNATURE)) return null
  return message.readUInt32LE(8)
}

/** A CHALLENGE_MESSAGE (2.2.1.2) offering NTLMv2: Unicode, extended security, target info. */
export function challengeMessage(serverChallenge: Buffer, domain: string, info: Buffer): Buffer {
  const name = utf16(domain)
  const flags =
    FLAGS.unicode |
    FLAGS.requestTarget |
    FLAGS.ntlm |
    FLAGS.alwaysSign |
    FLAGS.targetTypeDomain |
    FLAGS.extendedSecurity |
    FLAGS.targetInfo |
    FLAGS.k128 |
    FLAGS.k56
  const head = Buffer.alloc(48)
  SIGNATURE.copy(head, 0)
  head.writeUInt32LE(2, 8)
  head.writeUInt16LE(name.length, 12)
  head.writeUInt16LE(name.length, 14)
  head.writeUInt32LE(48, 16)
  head.writeUInt32LE(flags >>> 0, 20)
  serverChallenge.copy(head, 24)
  head.writeUInt16LE(info.length, 40)
  head.writeUInt16LE(info.length, 42)
  head.writeUInt32LE(48 + name.length, 44)
  return Buffer.concat([head, name, info])
}

/** The fields of an AUTHENTICATE_MESSAGE (2.2.1.3) the verifier reads. */
export interface Authenticate {
  lmResponse: Buffer
  ntResponse: Buffer
  domain: string
  user: string
  workstation: string
}

export function parseAuthenticate(message: Buffer): Authenticate {
  if (messageType(message) !== 3) throw new Error('not an AUTHENTICATE (Type 3) message')
  const field = (at: number) => {
    const length = message.readUInt16LE(at)
    const offset = message.readUInt32LE(at + 4)
    if (offset + length > message.length) throw new Error('a field runs past the message')
    return message.subarray(offset, offset + length)
  }
  const unicode = (message.readUInt32LE(60) & FLAGS.unicode) !== 0
  const text = (b: Buffer) => b.toString(unicode ? 'utf16le' : 'latin1')
  return {
    lmResponse: field(12),
    ntResponse: field(20),
    domain: text(field(28)),
    user: text(field(36)),
    workstation: text(field(44)),
  }
}

/**
 * Checks an NTLMv2 answer to `serverChallenge` (3.3.2, as a server does with the password
 * it knows): NTProofStr over the temp the client sent, which must carry the server's target
 * info, and the LMv2 response. Null when it verifies, else why not. NTLMv1 (24-byte NT
 * responses) is refused, as Windows does at LmCompatibilityLevel 5.
 */
export function verifyNtlmv2(
  auth: Authenticate,
  password: string,
  serverChallenge: Buffer,
  info: Buffer,
): string | null {
  const nt = auth.ntResponse
  if (nt.length <= 24) return `NT response of ${nt.length} bytes: not NTLMv2`
  const temp = nt.subarray(16)
  if (temp[0] !== 1 || temp[1] !== 1) return 'NTLMv2 temp has the wrong version'
  if (!temp.includes(info)) return "NTLMv2 temp does not carry the server's target info"
  const key = ntowfv2(password, auth.user, auth.domain)
  if (!timingSafeEqual(ntProof(key, serverChallenge, temp), nt.subarray(0, 16)))
    return 'NTProofStr does not match (wrong user, password or domain)'
  const lm = auth.lmResponse
  if (lm.length === 24 && !lm.equals(Buffer.alloc(24))) {
    const expected = lmv2Response(key, serverChallenge, lm.subarray(16))
    if (!expected.equals(lm)) return 'LMv2 response does not match'
  }
  return null
}

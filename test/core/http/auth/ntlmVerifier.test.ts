import { request } from 'node:http'
import ntlm from 'httpntlm/ntlm.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNtlmServer, type NtlmServer } from '../../../servers'
import {
  lmv2Response,
  ntHash,
  ntowfv2,
  ntProof,
  parseAuthenticate,
  targetInfo,
  verifyNtlmv2,
} from '../../../servers/ntlmVerify'

// The test server's NTLM verifier, proven on its own: MS-NLMP 4.2.4's values (user "User",
// domain "Domain", password "Password", server challenge 0123456789abcdef, client challenge
// aaaaaaaaaaaaaaaa, time 0, target info naming "Domain" and "Server"), so the engine tests
// against it do not rest on the client library checking itself.
const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex')
const SERVER_CHALLENGE = hex('0123456789abcdef')
const CLIENT_CHALLENGE = hex('aaaaaaaaaaaaaaaa')
const TEMP = hex(`0101 0000 00000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000
  02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000 00000000`)

describe('NTLM verifier against MS-NLMP 4.2.4', () => {
  it('computes the NT hash and NTOWFv2 (ResponseKeyNT)', () => {
    expect(ntHash('Password').toString('hex')).toBe('a4f49c406510bdcab6824ee7c30fd852')
    expect(ntowfv2('Password', 'User', 'Domain').toString('hex')).toBe(
      '0c868a403bfd7a93a3001ef22ef02e3f',
    )
  })

  it('computes the LMv2 response and the NTProofStr', () => {
    const key = ntowfv2('Password', 'User', 'Domain')
    expect(lmv2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE).toString('hex')).toBe(
      '86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa',
    )
    expect(ntProof(key, SERVER_CHALLENGE, TEMP).toString('hex')).toBe(
      '68cd0ab851e51c96aabc927bebef6a1c',
    )
  })

  it("accepts the specification's NTLMv2 response and refuses it for another password or challenge", () => {
    const auth = {
      user: 'User',
      domain: 'Domain',
      workstation: 'COMPUTER',
      lmResponse: hex('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa'),
      ntResponse: Buffer.concat([hex('68cd0ab851e51c96aabc927bebef6a1c'), TEMP]),
    }
    const info = targetInfo('Domain', 'Server')
    expect(verifyNtlmv2(auth, 'Password', SERVER_CHALLENGE, info)).toBeNull()
    expect(verifyNtlmv2(auth, 'password', SERVER_CHALLENGE, info)).toMatch(/NTProofStr/)
    expect(verifyNtlmv2(auth, 'Password', hex('0123456789abcdee'), info)).toMatch(/NTProofStr/)
    expect(verifyNtlmv2({ ...auth, domain: 'Other' }, 'Password', SERVER_CHALLENGE, info)).toMatch(
      /NTProofStr/,
    )
  })

  it('reads the fields of a Type 3 message', () => {
    const type3 = ntlm.createType3Message(
      { type: 2, negotiateFlags: 0x00000001, serverChallenge: SERVER_CHALLENGE },
      { username: 'alice', password: 'x', domain: 'Corp', workstation: 'ws1' },
    )
    const parsed = parseAuthenticate(Buffer.from(type3.slice(5), 'base64'))
    expect(parsed).toMatchObject({ user: 'alice', domain: 'CORP', workstation: 'WS1' })
    expect(parsed.ntResponse).toHaveLength(24)
  })
})

describe('the NTLM test server', () => {
  let server: NtlmServer
  beforeAll(async () => {
    server = await startNtlmServer({ users: { 'CORP\\alice': 's3cret' } })
  })
  afterAll(() => server.close())

  /** One request on a connection of its own (no keep-alive agent). */
  function once(authorization: string): Promise<{ status: number; challenge: string }> {
    return new Promise((resolve, reject) => {
      const req = request(`${server.url}/`, { agent: false, headers: { authorization } }, (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            challenge: res.headers['www-authenticate'] ?? '',
          }),
        )
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('refuses a correct Type 3 sent on another connection than its Type 1', async () => {
    const id = { username: 'alice', password: 's3cret', domain: 'CORP', workstation: '' }
    const first = await once(ntlm.createType1Message({ ...id }))
    expect(first.status).toBe(401)
    const type2 = ntlm.parseType2Message(first.challenge, (e) => {
      throw e
    })!
    const second = await once(ntlm.createType3Message(type2, { ...id }))
    expect(second.status).toBe(401)
    expect(server.events.at(-1)).toMatchObject({
      kind: 'refused',
      reason: 'Type 3 on a connection that sent no Type 1',
    })
  })
})

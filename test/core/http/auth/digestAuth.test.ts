import { describe, expect, it } from 'vitest'
import { digestAuthorization } from '../../../../electron/core/http/auth/digestAuth'
import { parseChallenges } from '../../../../electron/core/http/auth/digestChallenge'

// The worked example of RFC 7616 §3.9.1.
const RFC = {
  username: 'Mufasa',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
}
const challenge = (algorithm: string) =>
  `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, ` +
  'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"'

describe('digestAuthorization', () => {
  it('gives the RFC 7616 answers for MD5 and SHA-256', () => {
    expect(digestAuthorization({ ...RFC, challenges: [challenge('MD5')] })).toContain(
      'response="8ca523f5e9506fed4657c9700eebdbec"',
    )
    expect(digestAuthorization({ ...RFC, challenges: [challenge('SHA-256')] })).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    )
  })

  it('prefers SHA-256 when both are offered in one header, and keeps the opaque', () => {
    const header = digestAuthorization({
      ...RFC,
      challenges: [`${challenge('MD5')}, ${challenge('SHA-256')}`],
    })
    expect(header).toMatch(/algorithm=SHA-256/)
    expect(header).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"')
  })

  it('is null when the 401 has no Digest challenge', () => {
    expect(digestAuthorization({ ...RFC, challenges: ['Basic realm="x"'] })).toBeNull()
  })

  it('refuses auth-int only, naming what the server asked', () => {
    expect(() =>
      digestAuthorization({ ...RFC, challenges: ['Digest realm="r", nonce="n", qop="auth-int"'] }),
    ).toThrow(/qop auth-int/)
  })

  it('reads quoted strings holding commas and escapes, and several challenges', () => {
    const [basic, digest] = parseChallenges([
      'Basic realm="a, b", Digest realm="say \\"hi\\"", nonce=abc, qop="auth"',
    ])
    expect(basic!.params.get('realm')).toBe('a, b')
    expect(digest!.scheme).toBe('Digest')
    expect(digest!.params.get('realm')).toBe('say "hi"')
    expect(digest!.params.get('nonce')).toBe('abc')
  })

  it('escapes a username holding a quote', () => {
    const header = digestAuthorization({ ...RFC, username: 'a"b', challenges: [challenge('MD5')] })
    expect(header).toContain('username="a\\"b"')
  })
})

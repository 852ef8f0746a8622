import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import type { RequestAuth } from '../../../shared/model/request'
import { startNtlmServer, type NtlmServer } from '../../servers'
import { jsonBody, spec } from './spec'

// NTLM against a loopback server that verifies the Type 3 message itself (NTLMv2, MS-NLMP)
// and only on the connection that sent the Type 1.
let server: NtlmServer
let basicOnly: NtlmServer
const engine = new HttpEngine()

beforeAll(async () => {
  ;[server, basicOnly] = await Promise.all([
    startNtlmServer({ users: { 'CORP\\alice': 'pä55:word' } }),
    startNtlmServer({ users: {}, basicOnly: true }),
  ])
})
afterAll(async () => {
  engine.close()
  await Promise.all([server.close(), basicOnly.close()])
})

const ntlm = (over: Partial<Extract<RequestAuth, { type: 'ntlm' }>> = {}): RequestAuth => ({
  type: 'ntlm',
  username: 'CORP\\alice',
  password: 'pä55:word',
  domain: '',
  workstation: 'LAPTOP',
  ...over,
})

const send = (url: string, auth: RequestAuth, over: Parameters<typeof spec>[0] = {}) =>
  engine.send({ spec: spec({ url, auth, ...over }) })

describe('NTLM auth', () => {
  it('signs in with DOMAIN\\user: Type 1, the 401 challenge, Type 3 on the same connection', async () => {
    const before = server.events.length
    const result = await send(`${server.url}/whoami`, ntlm())
    if (!result.ok) throw new Error(result.error.message)
    const r = result.response
    expect(r.status).toBe(200)
    expect(jsonBody(r.body)).toMatchObject({
      authenticated: true,
      user: 'alice',
      domain: 'CORP',
      workstation: 'LAPTOP',
    })
    expect(r.redirects).toEqual([expect.objectContaining({ status: 401, challenge: 'NTLM' })])
    expect(r.sent.headers.find(([n]) => n === 'Authorization')?.[1]).toMatch(/^NTLM \S+$/)
    const [type1, type3] = server.events.slice(before)
    expect(type1).toMatchObject({ kind: 'type1' })
    expect(type3).toMatchObject({ kind: 'type3', who: 'CORP\\alice', port: type1!.port })
  })

  it('keeps each of several sends at once to its own connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(`${server.url}/n/${i}`, ntlm())),
    )
    expect(results.map((r) => (r.ok ? r.response.status : r.error.message))).toEqual(
      Array(6).fill(200),
    )
  })

  it('takes the domain from its own field, and sends a POST body again with the Type 3', async () => {
    const result = await send(`${server.url}/items`, ntlm({ username: 'alice', domain: 'corp' }), {
      method: 'POST',
      body: { type: 'json', text: '{"n":1}' },
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.response.status).toBe(200)
    expect(jsonBody(result.response.body)).toMatchObject({ user: 'alice', domain: 'CORP' })
  })

  it('follows a redirect on the signed-in connection without sending a message again', async () => {
    const before = server.events.length
    const result = await send(`${server.url}/redirect`, ntlm())
    if (!result.ok) throw new Error(result.error.message)
    expect(result.response.status).toBe(200)
    expect(jsonBody(result.response.body)).toMatchObject({ path: '/after' })
    const events = server.events.slice(before)
    expect(events.map((e) => e.kind)).toEqual(['type1', 'type3', 'authenticated'])
    expect(new Set(events.map((e) => e.port)).size).toBe(1)
  })

  it('a wrong password is an AUTH_CHALLENGE error naming who and what to check', async () => {
    const result = await send(`${server.url}/whoami`, ntlm({ password: 'wrong' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('AUTH_CHALLENGE')
    expect(result.error.message).toContain('refused the NTLM sign-in as "CORP\\alice"')
    expect(result.error.hint).toMatch(/username, password and domain/)
    expect(server.events.at(-1)).toMatchObject({ kind: 'refused', reason: /NTProofStr/ })
  })

  it('a server that does not offer NTLM is an AUTH_CHALLENGE error naming what it asks for', async () => {
    const result = await send(`${basicOnly.url}/`, ntlm())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('AUTH_CHALLENGE')
    expect(result.error.message).toContain('no NTLM challenge (it asks for Basic)')
  })

  it('refuses to send with a blank password (MISSING_CREDENTIAL), nothing sent', async () => {
    const before = server.events.length
    const result = await send(`${server.url}/whoami`, ntlm({ password: '' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('MISSING_CREDENTIAL')
    expect(result.error.message).toContain('NTLM password')
    expect(server.events.length).toBe(before)
  })
})

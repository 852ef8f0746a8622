import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import type { RequestAuth } from '../../../shared/model/request'
import type { SendResult } from '../../../shared/ipc/contract'
import { startHttpbin, startSigV4Server, type RunningServer } from '../../servers'
import { jsonBody, spec } from './spec'

const KEY = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const TEMP = { accessKeyId: 'ASIATEMP', secretAccessKey: 'temp-secret', sessionToken: 'tok/en+1=' }

let httpbin: RunningServer
let verifier: Awaited<ReturnType<typeof startSigV4Server>>
const engine = new HttpEngine()

beforeAll(async () => {
  ;[httpbin, verifier] = await Promise.all([
    startHttpbin(),
    startSigV4Server({
      [KEY.accessKeyId]: { secretAccessKey: KEY.secretAccessKey },
      [TEMP.accessKeyId]: {
        secretAccessKey: TEMP.secretAccessKey,
        sessionToken: TEMP.sessionToken,
      },
    }),
  ])
})
afterAll(async () => {
  engine.close()
  await Promise.all([httpbin.close(), verifier.close()])
})

async function send(url: string, auth: RequestAuth, over: Parameters<typeof spec>[0] = {}) {
  const result: SendResult = await engine.send({ spec: spec({ url, auth, ...over }) })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.response
}

const aws = (over: Partial<Extract<RequestAuth, { type: 'awsv4' }>> = {}): RequestAuth => ({
  type: 'awsv4',
  ...KEY,
  sessionToken: '',
  region: 'eu-west-1',
  service: 'execute-api',
  ...over,
})

describe('Digest auth against httpbin', () => {
  for (const algorithm of ['MD5', 'SHA-256']) {
    it(`answers the ${algorithm} challenge and gets 200, the 401 shown in the chain`, async () => {
      const r = await send(`${httpbin.url}/digest-auth/auth/user/pass/${algorithm}`, {
        type: 'digest',
        username: 'user',
        password: 'pass',
      })
      expect(r.status).toBe(200)
      expect(jsonBody(r.body)).toEqual({ authenticated: true, user: 'user' })
      expect(r.redirects).toEqual([expect.objectContaining({ status: 401, challenge: 'Digest' })])
      const authorization = r.sent.headers.find(([n]) => n === 'Authorization')?.[1] ?? ''
      expect(authorization).toMatch(new RegExp(`^Digest .*algorithm=${algorithm}`))
      expect(authorization).toMatch(/qop=auth, nc=00000001/)
    })
  }

  it('a wrong password ends with the second 401, answered once only', async () => {
    const r = await send(`${httpbin.url}/digest-auth/auth/user/pass/SHA-256`, {
      type: 'digest',
      username: 'user',
      password: 'wrong',
    })
    expect(r.status).toBe(401)
    expect(r.redirects).toHaveLength(1)
  })
})

describe('AWS Signature V4 against a verifier that re-signs with @smithy/signature-v4', () => {
  it('a GET with a query is signed and verifies', async () => {
    const r = await send(`${verifier.url}/items?b=2&a=1`, aws())
    expect(jsonBody(r.body)).toEqual({ verified: true, path: '/items' })
    expect(r.status).toBe(200)
    const names = r.sent.headers.map(([n]) => n.toLowerCase())
    expect(names).toEqual(
      expect.arrayContaining(['x-amz-date', 'x-amz-content-sha256', 'authorization']),
    )
  })

  it('a JSON POST is signed with its body hash, custom headers included', async () => {
    const r = await send(verifier.url + '/orders', aws(), {
      method: 'POST',
      headers: [{ key: 'X-Trace', value: 'abc', enabled: true }],
      body: { type: 'json', text: '{"qty":3}' },
    })
    expect(r.status).toBe(200)
  })

  it('a session token is sent as x-amz-security-token and signed', async () => {
    const r = await send(`${verifier.url}/t`, aws({ ...TEMP }))
    expect(r.status).toBe(200)
  })

  it('a wrong secret key is refused by the verifier (403)', async () => {
    const r = await send(`${verifier.url}/items`, aws({ secretAccessKey: 'not-the-key' }))
    expect(r.status).toBe(403)
    expect(jsonBody(r.body).error).toMatch(/signature mismatch/)
  })

  it('a same-origin redirect is signed again for where it leads', async () => {
    const r = await send(`${verifier.url}/redirect?to=/landed`, aws())
    expect(r.redirects).toHaveLength(1)
    expect(r.status).toBe(200)
    expect(jsonBody(r.body)).toEqual({ verified: true, path: '/landed' })
  })
})

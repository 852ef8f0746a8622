import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { openGate } from '../../../electron/core/http/fileGate'
import type { SendResult } from '../../../shared/ipc/contract'
import type { ResponseRecord } from '../../../shared/model/response'
import { startHttpbin } from '../../servers'
import { jsonBody, spec } from './spec'

// The engine follows redirects itself, one request per hop: what each hop sends is checked
// here against httpbin's echo of the final request.
let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const dir = mkdtempSync(join(tmpdir(), 'courier-redirects-'))

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

function sendSpec(over: Parameters<typeof spec>[0]): Promise<SendResult> {
  return engine.send({ spec: spec(over), files: openGate(null) })
}

async function send(over: Parameters<typeof spec>[0]): Promise<ResponseRecord> {
  const result = await sendSpec(over)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.response
}

const redirectTo = (status: number) =>
  `${httpbin.url}/redirect-to?url=${encodeURIComponent('/anything')}&status_code=${status}`

type Echo = { method: string; data: string; headers: Record<string, string> }

describe('what a redirect sends on', () => {
  it.each([307, 308])('%i keeps the method and sends the body again', async (status) => {
    const r = await send({
      method: 'POST',
      url: redirectTo(status),
      body: { type: 'json', text: '{"id":7}' },
    })
    const echo = jsonBody(r.body) as Echo
    expect(r.redirects.map((h) => h.status)).toEqual([status])
    expect(echo.method).toBe('POST')
    expect(echo.data).toBe('{"id":7}')
    expect(echo.headers['Content-Type']).toBe('application/json')
  })

  it('307 reads a file body anew for the next hop', async () => {
    const path = join(dir, 'upload.bin')
    writeFileSync(path, 'file bytes, sent twice')
    const r = await send({
      method: 'PUT',
      url: redirectTo(307),
      body: { type: 'binary', path, contentType: 'application/octet-stream' },
    })
    const echo = jsonBody(r.body) as Echo
    expect(echo.method).toBe('PUT')
    expect(echo.data).toBe('file bytes, sent twice')
  })

  it('303 goes on as a GET without the body or its Content- headers', async () => {
    const r = await send({
      method: 'POST',
      url: redirectTo(303),
      body: { type: 'json', text: '{"id":7}' },
    })
    const echo = jsonBody(r.body) as Echo
    expect(echo.method).toBe('GET')
    expect(echo.data).toBe('')
    expect(echo.headers).not.toHaveProperty('Content-Type')
    expect(echo.headers).not.toHaveProperty('Content-Length')
  })

  it('302 turns a POST into a GET but keeps a PUT a PUT, as browsers and curl do', async () => {
    const post = jsonBody((await send({ method: 'POST', url: redirectTo(302) })).body) as Echo
    expect(post.method).toBe('GET')
    const put = await send({
      method: 'PUT',
      url: redirectTo(302),
      body: { type: 'json', text: '{"a":1}' },
    })
    expect((jsonBody(put.body) as Echo).method).toBe('PUT')
    expect((jsonBody(put.body) as Echo).data).toBe('{"a":1}')
  })

  it('resolves relative locations and records each hop', async () => {
    const r = await send({ url: `${httpbin.url}/relative-redirect/3` })
    expect(r.status).toBe(200)
    expect(r.redirects).toHaveLength(3)
    expect(r.redirects.map((h) => h.location)).toEqual([
      `${httpbin.url}/relative-redirect/2`,
      `${httpbin.url}/relative-redirect/1`,
      `${httpbin.url}/get`,
    ])
    expect(r.url).toBe(`${httpbin.url}/get`)
  })

  it('stops past the maximum with TOO_MANY_REDIRECTS, naming the count', async () => {
    const result = await sendSpec({
      url: `${httpbin.url}/redirect/5`,
      settings: { maxRedirects: 2 },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('TOO_MANY_REDIRECTS')
    expect(result.error.message).toContain('Stopped after 2 redirects')
  })

  it('refuses a redirect to an address that is not http or https, naming it', async () => {
    const result = await sendSpec({
      url: `${httpbin.url}/redirect-to?url=${encodeURIComponent('file:///etc/passwd')}`,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('PROTOCOL')
    expect(result.error.message).toContain('file:///etc/passwd')
  })
})

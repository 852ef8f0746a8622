import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { openGate } from '../../../electron/core/http/fileGate'
import type { ResponseRecord } from '../../../shared/model/response'
import { startHttpbin } from '../../servers'
import { jsonBody, spec } from './spec'

let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const dir = mkdtempSync(join(tmpdir(), 'courier-engine-'))

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

async function send(over: Parameters<typeof spec>[0]): Promise<ResponseRecord> {
  const result = await engine.send({ spec: spec(over), files: openGate(null) })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.response
}

describe('methods and bodies, as httpbin echoes them', () => {
  it('PUT with a JSON body sends it as written with Content-Type application/json', async () => {
    const r = await send({
      method: 'PUT',
      url: `${httpbin.url}/put`,
      body: { type: 'json', text: '{"name":"John Doe Smith"}' },
    })
    const echo = jsonBody(r.body)
    expect(r.status).toBe(200)
    expect(echo.json).toEqual({ name: 'John Doe Smith' })
    expect((echo.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('PATCH with a form body is URL-encoded like requests data=', async () => {
    const r = await send({
      method: 'PATCH',
      url: `${httpbin.url}/patch`,
      body: {
        type: 'form',
        fields: [
          { key: 'name', value: 'Jane Roe', enabled: true },
          { key: 'tags', value: 'a&b', enabled: true },
          { key: 'off', value: 'x', enabled: false },
        ],
      },
    })
    const echo = jsonBody(r.body)
    expect(echo.form).toEqual({ name: 'Jane Roe', tags: 'a&b' })
    expect((echo.headers as Record<string, string>)['Content-Type']).toBe(
      'application/x-www-form-urlencoded',
    )
  })

  it('POST multipart sends text fields and a file streamed from disk', async () => {
    const file = join(dir, 'avatar.txt')
    writeFileSync(file, 'file-content-ü')
    const r = await send({
      method: 'POST',
      url: `${httpbin.url}/post`,
      body: {
        type: 'multipart',
        parts: [
          { kind: 'text', key: 'name', value: 'Jane', enabled: true },
          { kind: 'file', key: 'avatar', path: file, enabled: true, contentType: 'text/plain' },
        ],
      },
    })
    const echo = jsonBody(r.body)
    expect(echo.form).toEqual({ name: 'Jane' })
    expect(echo.files).toEqual({ avatar: 'file-content-ü' })
    expect((echo.headers as Record<string, string>)['Content-Type']).toMatch(
      /^multipart\/form-data; boundary=/,
    )
  })

  it('raw text goes with its chosen content type, binary files with their bytes', async () => {
    const raw = await send({
      method: 'POST',
      url: `${httpbin.url}/post`,
      body: { type: 'raw', text: '<a>1</a>', contentType: 'application/xml' },
    })
    expect(jsonBody(raw.body).data).toBe('<a>1</a>')
    expect((jsonBody(raw.body).headers as Record<string, string>)['Content-Type']).toBe(
      'application/xml',
    )

    const file = join(dir, 'blob.bin')
    writeFileSync(file, Buffer.from([1, 2, 3, 250]))
    const bin = await send({
      method: 'PUT',
      url: `${httpbin.url}/put`,
      body: { type: 'binary', path: file },
    })
    const echo = jsonBody(bin.body)
    expect((echo.headers as Record<string, string>)['Content-Length']).toBe('4')
    expect((echo.headers as Record<string, string>)['Content-Type']).toBe(
      'application/octet-stream',
    )
    expect(echo.data).toBe('data:application/octet-stream;base64,AQID+g==')
  })

  it('DELETE, HEAD and OPTIONS work; HEAD has no body', async () => {
    expect((await send({ method: 'DELETE', url: `${httpbin.url}/delete` })).status).toBe(200)
    const head = await send({ method: 'HEAD', url: `${httpbin.url}/get` })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const options = await send({ method: 'OPTIONS', url: `${httpbin.url}/get` })
    expect(options.headers.find(([n]) => n.toLowerCase() === 'allow')?.[1]).toContain('GET')
  })
})

describe('params, headers and auth', () => {
  it('merges param rows with the URL query, keeping repeats and encodings', async () => {
    const r = await send({
      url: `${httpbin.url}/get?a=1&a=2&pre=%41`,
      params: [
        { key: 'q', value: 'Zürich & more', enabled: true },
        { key: 'off', value: '1', enabled: false },
      ],
    })
    expect(jsonBody(r.body).args).toEqual({ a: ['1', '2'], pre: 'A', q: 'Zürich & more' })
    expect(r.url).toBe(`${httpbin.url}/get?a=1&a=2&pre=%41&q=Z%C3%BCrich%20%26%20more`)
  })

  it('sends Basic and Bearer auth, and an API key in the query', async () => {
    const basic = await send({
      url: `${httpbin.url}/basic-auth/jane/s3cret`,
      auth: { type: 'basic', username: 'jane', password: 's3cret' },
    })
    expect(basic.status).toBe(200)
    const wrong = await send({
      url: `${httpbin.url}/basic-auth/jane/s3cret`,
      auth: { type: 'basic', username: 'jane', password: 'nope' },
    })
    expect(wrong.status).toBe(401)
    const bearer = await send({
      url: `${httpbin.url}/bearer`,
      auth: { type: 'bearer', token: 'tok-123' },
    })
    expect(jsonBody(bearer.body)).toMatchObject({ authenticated: true, token: 'tok-123' })
    const key = await send({
      url: `${httpbin.url}/get`,
      auth: { type: 'apikey', key: 'api_key', value: 'k1', in: 'query' },
    })
    expect(jsonBody(key.body).args).toEqual({ api_key: 'k1' })
  })

  it('resolves {{variables}} everywhere before sending', async () => {
    const result = await engine.send({
      spec: spec({
        method: 'POST',
        url: '{{base}}/post',
        headers: [{ key: 'X-User', value: '{{user}}', enabled: true }],
        body: { type: 'json', text: '{"id": "{{id}}"}' },
      }),
      variables: { base: httpbin.url, user: 'jane', id: '42' },
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const echo = jsonBody(result.response.body)
    expect(echo.json).toEqual({ id: '42' })
    expect((echo.headers as Record<string, string>)['X-User']).toBe('jane')
  })
})

describe('responses', () => {
  it('a 4xx or 5xx is a response, never an error', async () => {
    expect((await send({ url: `${httpbin.url}/status/404` })).status).toBe(404)
    expect((await send({ url: `${httpbin.url}/status/503` })).status).toBe(503)
  })

  it.each(['gzip', 'deflate', 'brotli'])(
    'decompresses %s and keeps Content-Encoding visible',
    async (kind) => {
      const r = await send({ url: `${httpbin.url}/${kind}` })
      expect(
        jsonBody(r.body)[kind === 'brotli' ? 'brotli' : kind === 'gzip' ? 'gzipped' : 'deflated'],
      ).toBe(true)
      expect(r.headers.some(([n]) => n.toLowerCase() === 'content-encoding')).toBe(true)
      expect(r.sizes.encodedBody).toBeLessThan(r.sizes.body)
    },
  )

  it('follows redirects and records the chain, or returns the 3xx when told not to', async () => {
    const followed = await send({ url: `${httpbin.url}/redirect/2` })
    expect(followed.status).toBe(200)
    expect(followed.redirects.map((h) => h.status)).toEqual([302, 302])
    expect(followed.url).toBe(`${httpbin.url}/get`)
    const stopped = await send({
      url: `${httpbin.url}/redirect/2`,
      settings: { followRedirects: false },
    })
    expect(stopped.status).toBe(302)
    expect(stopped.redirects).toEqual([])
  })

  it('keeps every Set-Cookie header', async () => {
    const r = await send({
      url: `${httpbin.url}/cookies/set?a=1&b=2`,
      settings: { followRedirects: false },
    })
    const cookies = r.headers
      .filter(([n]) => n.toLowerCase() === 'set-cookie')
      .map(([, v]) => v.split(';')[0])
    expect(cookies.sort()).toEqual(['a=1', 'b=2'])
  })

  it('returns binary bodies as base64 with their media type', async () => {
    const r = await send({ url: `${httpbin.url}/image/png` })
    expect(r.bodyEncoding).toBe('base64')
    expect(r.mediaType).toBe('image/png')
    expect(Buffer.from(r.body, 'base64').subarray(1, 4).toString()).toBe('PNG')
  })

  it('reports timings, sizes and the HTTP version', async () => {
    const r = await send({ url: `${httpbin.url}/bytes/2048` })
    expect(r.httpVersion).toBe('1.1')
    expect(r.sizes.body).toBe(2048)
    expect(r.sizes.headers).toBeGreaterThan(50)
    expect(r.timings.total).toBeGreaterThan(0)
    expect(r.timings.total).toBeGreaterThanOrEqual(r.timings.firstByte)
  })
})

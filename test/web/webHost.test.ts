import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { WebSocket } from 'ws'
import { MAX_MESSAGE_BYTES } from '../../electron/web/bridgeSocket'
import { startWebHost, type WebHost } from '../../electron/web/webHost'
import { startHangingServer, startHugeBodyServer, startRecordingServer } from '../servers'
import { bridgeClient, makeRendererDir, openBridge, rawGet, UpgradeRefused } from './webClient'

const { root, rendererDir } = makeRendererDir()
const freshDataDir = () => mkdtempSync(join(tmpdir(), 'courier-web-data-'))
let host: WebHost
let origin: string
const sockets: WebSocket[] = []

beforeAll(async () => {
  host = await startWebHost({ port: 0, dataDir: freshDataDir(), rendererDir })
  origin = `http://127.0.0.1:${host.port}`
})
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate()
})
afterAll(() => host.close())

async function connect(h: WebHost = host) {
  const ws = await openBridge(h.port, { token: h.token, origin: `http://127.0.0.1:${h.port}` })
  sockets.push(ws)
  return bridgeClient(ws)
}

async function refusedStatus(opts: Parameters<typeof openBridge>[1]): Promise<number> {
  const error = await openBridge(host.port, opts).then(
    (ws) => {
      sockets.push(ws)
      return new Error('the upgrade was accepted')
    },
    (e: unknown) => e,
  )
  if (!(error instanceof UpgradeRefused)) throw error
  return error.status
}

/** The policy of renderer/index.html's meta tag, directive by directive. */
function metaPolicy(): Map<string, string> {
  const html = readFileSync('renderer/index.html', 'utf8')
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
  if (!content) throw new Error('renderer/index.html has no CSP meta tag')
  return new Map(
    content.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('web host: static files', () => {
  it('announces a token URL on 127.0.0.1 with a 256-bit base64url token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32)
  })

  it('serves index.html at / with the security headers', async () => {
    const res = await rawGet(host.port, '/')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('<title>Courier</title>')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(res.headers['x-frame-options']).toBe('DENY')
  })

  it("sends the renderer's CSP, with connections limited to this host's port", async () => {
    const res = await rawGet(host.port, '/')
    const sent = new Map(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values.join(' ')]),
    )
    for (const [name, value] of metaPolicy()) {
      if (name === 'connect-src') {
        expect(sent.get(name)).toBe(
          `'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`,
        )
      } else expect(sent.get(name), name).toBe(value)
    }
    expect(sent.get('frame-ancestors')).toBe("'none'")
  })

  it('serves scripts as JavaScript, HEAD without a body, and refuses other methods', async () => {
    const js = await rawGet(host.port, '/assets/app.js?v=1')
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toMatch(/^text\/javascript/)
    expect(js.body).toBe('console.log("courier")\n')
    const head = await rawGet(host.port, '/assets/app.js', {}, 'HEAD')
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '23'])
    const post = await rawGet(host.port, '/', {}, 'POST')
    expect(post.status).toBe(405)
    expect(post.headers['x-content-type-options']).toBe('nosniff')
  })

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/..\\package.json',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s, which would leave the renderer folder', async (path) => {
    const res = await rawGet(host.port, path)
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('outside the renderer')
  })

  it('does not follow a symlink out of the renderer folder', async () => {
    symlinkSync(join(root, 'package.json'), join(rendererDir, 'assets', 'linked.json'))
    const res = await rawGet(host.port, '/assets/linked.json')
    expect(res.status).toBe(404)
  })

  it('answers a missing file 404 and a missing favicon 204 (no console error)', async () => {
    expect((await rawGet(host.port, '/nope.js')).status).toBe(404)
    expect((await rawGet(host.port, '/favicon.ico')).status).toBe(204)
  })

  it('refuses a Host header other than its loopback names (DNS rebinding)', async () => {
    const evil = await rawGet(host.port, '/', { Host: `evil.example:${host.port}` })
    expect(evil.status).toBe(403)
    expect(evil.body).not.toContain('Courier</title>')
    const otherPort = await rawGet(host.port, '/', { Host: `127.0.0.1:${host.port + 1}` })
    expect(otherPort.status).toBe(403)
    const localhost = await rawGet(host.port, '/', { Host: `localhost:${host.port}` })
    expect(localhost.status).toBe(200)
  })
})

describe('web host: the bridge', () => {
  it('answers app:info and settings:get for a page of this host with the token', async () => {
    const client = await connect()
    const info = await client.call('app:info', {})
    expect(info).toMatchObject({
      ok: true,
      result: {
        shell: 'web',
        canPickFiles: false,
        secretsWarning: expect.stringMatching(/memory only.*--secrets FILE/),
      },
    })
    const settings = await client.call('settings:get', {})
    expect(settings).toMatchObject({ ok: true, result: { theme: 'system', schemaVersion: 1 } })
  })

  it('persists settings:update in the data directory', async () => {
    const dataDir = freshDataDir()
    const first = await startWebHost({ port: 0, dataDir, rendererDir })
    const updated = await (await connect(first)).call('settings:update', { theme: 'dark' })
    expect(updated).toMatchObject({ ok: true, result: { theme: 'dark' } })
    await first.close()
    const second = await startWebHost({ port: 0, dataDir, rendererDir })
    try {
      const read = await (await connect(second)).call('settings:get', {})
      expect(read).toMatchObject({ ok: true, result: { theme: 'dark' } })
    } finally {
      await second.close()
    }
  })

  it('refuses the upgrade without the token, with a wrong one, or from another origin', async () => {
    expect(await refusedStatus({ origin })).toBe(401)
    expect(await refusedStatus({ origin, token: '' })).toBe(401)
    expect(await refusedStatus({ origin, token: host.token.slice(0, -1) + '_' })).toBe(401)
    expect(await refusedStatus({ origin, token: host.token + 'x' })).toBe(401)
    expect(await refusedStatus({ token: host.token, origin: 'http://evil.example' })).toBe(403)
    expect(await refusedStatus({ token: host.token })).toBe(403)
    const rebound = { token: host.token, origin, host: `evil.example:${host.port}` }
    expect(await refusedStatus(rebound)).toBe(403)
  })

  it('answers an unknown call and invalid arguments with ok:false naming the problem', async () => {
    const client = await connect()
    const unknown = await client.call('fs:readAll', {})
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL', message: expect.stringMatching(/fs:readAll/) },
    })
    const invalid = await client.call('http:cancel', { requestId: 7 })
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS', message: expect.stringMatching(/requestId/) },
    })
    expect(JSON.stringify(invalid)).not.toMatch(/\bat .*\.ts:\d+/)
    // The socket is still usable after both.
    expect(await client.call('app:info', {})).toMatchObject({ ok: true })
  })

  it('closes the socket with 1003 on a frame that is not JSON, and keeps serving others', async () => {
    const ws = await openBridge(host.port, { token: host.token, origin })
    sockets.push(ws)
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send('{not json')
    expect(await closed).toBe(1003)
    expect(await (await connect()).call('app:info', {})).toMatchObject({ ok: true })
  })

  it('closes the socket with 1009 on a frame over the size limit', async () => {
    const ws = await openBridge(host.port, { token: host.token, origin })
    sockets.push(ws)
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send(
      JSON.stringify({ id: 1, call: 'app:info', args: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }),
    )
    expect(await closed).toBe(1009)
  })

  it('runs calls concurrently: http:cancel stops an http:send still waiting', async () => {
    const hanging = await startHangingServer()
    try {
      const client = await connect()
      const spec = { method: 'GET', url: `${hanging.url}/no-response` }
      const pending = client.call('http:send', { requestId: 'slow', spec })
      expect(await client.call('http:cancel', { requestId: 'slow' })).toMatchObject({
        ok: true,
        result: true,
      })
      expect(await pending).toMatchObject({
        ok: true,
        result: { ok: false, error: { code: 'ABORTED' } },
      })
    } finally {
      await hanging.close()
    }
  })

  it('sends a real request with http:send and pushes its progress events', async () => {
    const recording = await startRecordingServer()
    const huge = await startHugeBodyServer()
    try {
      const client = await connect()
      const spec = { method: 'GET', url: `${recording.url}/hello?x=1` }
      const sent = await client.call('http:send', { requestId: 'r1', spec })
      expect(sent).toMatchObject({ ok: true, result: { ok: true, response: { status: 200 } } })
      expect(recording.requests.map((r) => r.url)).toEqual(['/hello?x=1'])

      const big = { method: 'GET', url: `${huge.url}/bytes/300000` }
      const bigResult = await client.call('http:send', { requestId: 'r2', spec: big })
      expect(bigResult).toMatchObject({ ok: true, result: { ok: true } })
      const progress = client.messages.filter(
        (m) => m.kind === 'event' && m.event === 'http:progress',
      )
      expect(progress.length).toBeGreaterThan(0)
      expect(progress[0]).toMatchObject({
        event: 'http:progress',
        payload: { requestId: 'r2', totalBytes: 300000 },
      })
    } finally {
      await recording.close()
      await huge.close()
    }
  })
})

describe('web host: Save to file', () => {
  it('answers body:save with a one-time download URL that streams the body as received', async () => {
    const huge = await startHugeBodyServer()
    try {
      const client = await connect()
      const spec = { method: 'GET', url: `${huge.url}/bytes/300000` }
      const sent = await client.call('http:send', { requestId: 'dl', spec })
      const bodyId = (sent as { result: { response: { bodyId: string } } }).result.response.bodyId
      const save = await client.call('body:save', { bodyId, fileName: 'résumé.bin' })
      expect(save).toMatchObject({ ok: true, result: { outcome: 'download' } })
      const { url } = (save as { result: { url: string } }).result
      expect(url).toMatch(/^\/download\/[\w-]{32}$/)

      const first = await rawGet(host.port, url, { host: `127.0.0.1:${host.port}` })
      expect(first.status).toBe(200)
      expect(first.headers['content-length']).toBe('300000')
      expect(first.headers['content-disposition']).toBe(
        `attachment; filename="r_sum_.bin"; filename*=UTF-8''r%C3%A9sum%C3%A9.bin`,
      )
      // The ticket is spent: the same URL, or a made-up one, finds nothing.
      expect((await rawGet(host.port, url, { host: `127.0.0.1:${host.port}` })).status).toBe(404)
      expect(
        (await rawGet(host.port, '/download/made-up', { host: `127.0.0.1:${host.port}` })).status,
      ).toBe(404)
      // A released body cannot be offered.
      await client.call('body:release', { bodyId })
      expect(await client.call('body:save', { bodyId, fileName: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'BODY_NOT_KEPT', message: expect.stringMatching(/no longer kept/) },
      })
    } finally {
      await huge.close()
    }
  })
})

describe('web host: workspaces', () => {
  it('serves the workspace calls: a snapshot, then a saved request read back', async () => {
    const client = await connect()
    const snapshot = await client.call('workspace:snapshot', {})
    expect(snapshot).toMatchObject({ ok: true, result: { tree: expect.any(Array) } })

    const request = {
      name: 'Create user',
      method: 'POST',
      url: '{{base_url}}/users',
      headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
      body: { type: 'json', text: '{"name": "{{name}}"}' },
    }
    const saved = await client.call('workspace:saveRequest', { path: null, request })
    expect(saved).toMatchObject({ ok: true, result: { path: expect.any(String) } })
    const path = (saved as { result: { path: string } }).result.path
    const read = await client.call('workspace:readRequest', { path })
    expect(read).toMatchObject({ ok: true, result: request })
    const after = await client.call('workspace:snapshot', {})
    expect(JSON.stringify(after)).toContain(path)
    // The change is announced once the workspace is quiet (debounced).
    await vi.waitFor(
      () =>
        expect(client.messages).toContainEqual(
          expect.objectContaining({ kind: 'event', event: 'workspace:changed' }),
        ),
      { timeout: 5000 },
    )
  })

  it("answers a failed workspace call with the service's message, no stack", async () => {
    const client = await connect()
    const missing = await client.call('workspace:readRequest', {
      path: 'Nope/Missing.request.json',
    })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE', message: expect.stringMatching(/Missing/) },
    })
    expect(JSON.stringify(missing)).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('lets --secrets values override the variables the renderer sent', async () => {
    const secretsFile = join(freshDataDir(), 'secrets.json')
    writeFileSync(secretsFile, JSON.stringify({ token: 'from-file' }))
    const withSecrets = await startWebHost({
      port: 0,
      dataDir: freshDataDir(),
      rendererDir,
      secretsFile,
      env: { COURIER_VAR_trace: 'from-env' },
    })
    const recording = await startRecordingServer()
    try {
      const client = await connect(withSecrets)
      const spec = {
        method: 'GET',
        url: `${recording.url}/x`,
        headers: [
          { key: 'Authorization', value: 'Bearer {{token}}', enabled: true },
          { key: 'X-Trace', value: '{{trace}}', enabled: true },
        ],
      }
      const variables = { token: 'typed-in-the-ui', trace: 'ui' }
      const sent = await client.call('http:send', { requestId: 's1', spec, variables })
      expect(sent).toMatchObject({ ok: true, result: { ok: true } })
      const headers = Object.fromEntries(
        (recording.requests[0]?.headers ?? []).map(([k, v]) => [k.toLowerCase(), v]),
      )
      expect(headers).toMatchObject({ authorization: 'Bearer from-file', 'x-trace': 'from-env' })
      // The send is in history, announced, and the override values are masked there.
      const added = client.messages.find((m) => m.kind === 'event' && m.event === 'history:added')
      expect(added).toMatchObject({ payload: { url: `${recording.url}/x`, status: 200 } })
      const id = (added as { payload: { id: number } }).payload.id
      const entry = await client.call('history:get', { id })
      expect(entry).toMatchObject({ ok: true, result: { id } })
      expect(JSON.stringify(entry)).not.toMatch(/from-file|from-env/)
    } finally {
      await recording.close()
      await withSecrets.close()
    }
  })

  it('moves a damaged history aside and says so in app:info', async () => {
    const dataDir = freshDataDir()
    writeFileSync(join(dataDir, 'history.db'), 'not a database')
    const damaged = await startWebHost({ port: 0, dataDir, rendererDir })
    try {
      const client = await connect(damaged)
      const info = (await client.call('app:info', {})) as { result: { notices: string[] } }
      expect(info.result.notices).toEqual([
        expect.stringMatching(/history database could not be read.*history\.db\.corrupt-/),
      ])
      expect(await client.call('history:list', {})).toMatchObject({
        ok: true,
        result: { entries: [], next: null },
      })
    } finally {
      await damaged.close()
    }
  })

  it('refuses to start with a secrets file that does not exist, naming it', async () => {
    const secretsFile = join(freshDataDir(), 'absent.json')
    await expect(
      startWebHost({ port: 0, dataDir: freshDataDir(), rendererDir, secretsFile }),
    ).rejects.toThrow(`Secrets file ${secretsFile} does not exist.`)
  })
})

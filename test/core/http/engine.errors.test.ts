import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { openGate } from '../../../electron/core/http/fileGate'
import type { RequestError, RequestErrorCode } from '../../../shared/model/requestError'
import {
  startCompressedServer,
  startCutOffBodyServer,
  startHangingServer,
  startHugeBodyServer,
  startRedirectLoopServer,
  startResetServer,
  startTlsServer,
} from '../../servers'
import { freePort } from '../../servers/freePort'
import { spec } from './spec'

type Server = { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const servers: Record<string, Server> = {}

beforeAll(async () => {
  const [tls, reset, huge, loop, hanging, compressed, cutOff] = await Promise.all([
    startTlsServer(),
    startResetServer(),
    startHugeBodyServer(),
    startRedirectLoopServer(),
    startHangingServer(),
    startCompressedServer(),
    startCutOffBodyServer(),
  ])
  Object.assign(servers, { tls, reset, huge, loop, hanging, compressed, cutOff })
})
afterAll(async () => {
  engine.close()
  await Promise.all(Object.values(servers).map((s) => s.close()))
})

async function failure(
  over: Parameters<typeof spec>[0],
  variables: Record<string, string> = {},
): Promise<RequestError> {
  const result = await engine.send({ spec: spec(over), variables, files: openGate(null) })
  if (result.ok) throw new Error(`Expected an error, got HTTP ${result.response.status}`)
  return result.error
}

function expectReadable(error: RequestError, code: RequestErrorCode, words: RegExp) {
  expect(error.code).toBe(code)
  expect(error.message).toMatch(words)
  expect(error.hint.length).toBeGreaterThan(15)
  expect(error.message).not.toMatch(/Network Error|at .*\.js:\d+|AxiosError/)
}

describe('every transport failure has a code and a message a tester understands', () => {
  it('INVALID_URL names the URL', async () => {
    expectReadable(await failure({ url: 'http://exa mple.com/' }), 'INVALID_URL', /exa mple\.com/)
    expectReadable(await failure({ url: 'ftp://example.com/' }), 'INVALID_URL', /ftp/)
  })

  it('DNS names the host', async () => {
    expectReadable(
      await failure({ url: 'http://no-such-host.invalid/x' }),
      'DNS',
      /no-such-host\.invalid/,
    )
  })

  it('REFUSED names host and port', async () => {
    const port = await freePort('127.0.0.1')
    expectReadable(
      await failure({ url: `http://127.0.0.1:${port}/` }),
      'REFUSED',
      new RegExp(`127\\.0\\.0\\.1:${port}`),
    )
  })

  it('RESET when the server drops the connection', async () => {
    expectReadable(
      await failure({ url: `${servers.reset!.url}/` }),
      'RESET',
      /closed the connection/,
    )
  })

  it('RESET when the connection drops part-way through the body, never a short response', async () => {
    expectReadable(
      await failure({ url: `${servers.cutOff!.url}/` }),
      'RESET',
      /closed the connection/,
    )
  })

  it('TIMEOUT when no response comes, and when the body never ends', async () => {
    expectReadable(
      await failure({ url: `${servers.hanging!.url}/no-response`, settings: { timeoutMs: 300 } }),
      'TIMEOUT',
      /300 ms/,
    )
    expectReadable(
      await failure({ url: `${servers.hanging!.url}/never-ends`, settings: { timeoutMs: 300 } }),
      'TIMEOUT',
      /300 ms/,
    )
  })

  it('TIMEOUT when a compressed body never ends, or never starts (a decoder is reading it)', async () => {
    for (const path of ['/never-ends/gzip', '/never-ends/deflate', '/headers-only/deflate']) {
      expectReadable(
        await failure({ url: `${servers.hanging!.url}${path}`, settings: { timeoutMs: 300 } }),
        'TIMEOUT',
        /300 ms/,
      )
    }
  })

  it('TLS for a self-signed certificate, and a response once verification is off', async () => {
    expectReadable(await failure({ url: `${servers.tls!.url}/` }), 'TLS', /self-signed/)
    const ok = await engine.send({
      spec: spec({ url: `${servers.tls!.url}/`, settings: { verifyTls: false } }),
    })
    expect(ok.ok && ok.response.body).toBe('{"secure":true}')
  })

  it('ABORTED when the request is cancelled in flight', async () => {
    const pending = engine.send({
      requestId: 'cancel-me',
      spec: spec({ url: `${servers.hanging!.url}/no-response` }),
    })
    // cancel() answers true only while the request is registered as running.
    await expect.poll(() => engine.cancel('cancel-me')).toBe(true)
    const result = await pending
    expect(result.ok).toBe(false)
    if (!result.ok) expectReadable(result.error, 'ABORTED', /cancelled/)
    expect(engine.cancel('cancel-me')).toBe(false)
  })

  it('PROTOCOL for a body that claims gzip but is not', async () => {
    expectReadable(
      await failure({ url: `${servers.compressed!.url}/corrupt` }),
      'PROTOCOL',
      /gzip-compressed/,
    )
  })

  it('TOO_MANY_REDIRECTS for a loop', async () => {
    expectReadable(
      await failure({ url: `${servers.loop!.url}/loop`, settings: { maxRedirects: 5 } }),
      'TOO_MANY_REDIRECTS',
      /5 redirects/,
    )
  })

  it('BODY_FILE names a missing file', async () => {
    const path = join(tmpdir(), 'courier-does-not-exist.bin')
    expectReadable(
      await failure({
        method: 'PUT',
        url: `${servers.huge!.url}/`,
        body: { type: 'binary', path },
      }),
      'BODY_FILE',
      /courier-does-not-exist\.bin.*does not exist/,
    )
    expectReadable(
      await failure({
        method: 'POST',
        url: `${servers.huge!.url}/`,
        body: { type: 'multipart', parts: [{ kind: 'file', key: 'f', path, enabled: true }] },
      }),
      'BODY_FILE',
      /multipart field "f"/,
    )
  })

  it('INVALID_BODY gives line and column of invalid JSON, before anything is sent', async () => {
    expectReadable(
      await failure({
        method: 'POST',
        url: `${servers.huge!.url}/`,
        body: { type: 'json', text: '{\n  "a": 1,\n}' },
      }),
      'INVALID_BODY',
      /line 3, column 1/,
    )
  })

  it('UNRESOLVED_VARIABLES lists every missing name', async () => {
    expectReadable(
      await failure(
        {
          url: '{{base}}/users/{{id}}',
          headers: [{ key: 'X', value: '{{token}}', enabled: true }],
        },
        { id: '1' },
      ),
      'UNRESOLVED_VARIABLES',
      /\{\{base\}\}, \{\{token\}\}/,
    )
  })

  it('INVALID_HEADER names a header that cannot be sent', async () => {
    expectReadable(
      await failure({
        url: `${servers.huge!.url}/`,
        headers: [{ key: 'Bad Name', value: 'x', enabled: true }],
      }),
      'INVALID_HEADER',
      /Bad Name/,
    )
  })
})

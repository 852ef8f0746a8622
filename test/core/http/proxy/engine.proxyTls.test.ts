import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { ProxyRouter } from '../../../../electron/core/http/proxy/proxyRouter'
import { loadTlsMaterial, type TlsFiles } from '../../../../electron/core/http/tlsMaterial'
import { testProxy } from '../../../../electron/core/http/proxy/proxyTest'
import type { SendResult } from '../../../../shared/ipc/contract'
import { ProxySettingsSchema } from '../../../../shared/model/proxySettings'
import { startMtlsServer } from '../../../servers/mtlsServer'
import { startProxyServer, type RunningProxy } from '../../../servers/proxyServer'
import { startRecordingServer } from '../../../servers/recordingServer'
import { startSocksServer, type RunningSocksServer } from '../../../servers/socksServer'
import { makeTestPki, pem, type TestPki } from '../../../servers/tlsPki'
import type { RunningServer } from '../../../servers/listen'
import { jsonBody, spec } from '../spec'

// The TLS settings apply to https targets reached through a proxy (CONNECT or SOCKS5)
// as they do direct, and to an https:// proxy itself.
let pki: TestPki
let mtls: RunningServer
let capped: RunningServer
let plain: RunningServer
let connectProxy: RunningProxy
let socks: RunningSocksServer
const started: RunningServer[] = []
const engines: HttpEngine[] = []

beforeAll(async () => {
  pki = makeTestPki()
  ;[mtls, capped, plain, connectProxy, socks] = await Promise.all([
    startMtlsServer(pki),
    startMtlsServer(pki, { maxVersion: 'TLSv1.2' }),
    startRecordingServer(),
    startProxyServer(),
    startSocksServer(),
  ])
})
afterEach(() => engines.splice(0).forEach((engine) => engine.close()))
afterAll(() =>
  Promise.all([mtls, capped, plain, connectProxy, socks, ...started].map((s) => s.close())),
)

const files = (over: Partial<TlsFiles> = {}): TlsFiles => ({
  caFiles: [pki.caCert],
  clientCerts: [{ host: '127.0.0.1', certFile: pki.clientCert, keyFile: pki.clientKey }],
  minVersion: 'TLSv1.2',
  ...over,
})

function engineVia(proxy: string, tls?: TlsFiles): HttpEngine {
  const router = new ProxyRouter({
    config: () => ({ mode: 'manual', url: proxy, pacUrl: '', noProxy: '' }),
  })
  const engine = new HttpEngine({ proxy: router, ...(tls && { tls: loadTlsMaterial(tls) }) })
  engines.push(engine)
  return engine
}

const send = (engine: HttpEngine, url: string, verifyTls = true): Promise<SendResult> =>
  engine.send({ spec: spec({ url, settings: { verifyTls } }) })

function clientOf(result: SendResult): unknown {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return jsonBody(result.response.body).client
}

describe.each([
  ['an HTTP CONNECT proxy', () => connectProxy.url],
  ['a SOCKS5 proxy', () => socks.url],
])('through %s', (_name, proxyUrl) => {
  it('trusts the private CA and presents the client certificate for the host', async () => {
    const untrusted = await send(engineVia(proxyUrl()), `${mtls.url}/`)
    expect(untrusted.ok ? '' : untrusted.error.code).toBe('TLS')
    expect(untrusted.ok ? '' : untrusted.error.hint).toMatch(/add its CA certificate/)

    const noCert = await send(engineVia(proxyUrl(), files({ clientCerts: [] })), `${mtls.url}/`)
    expect(noCert.ok ? '' : noCert.error.message).toMatch(/requires a client certificate/)

    const result = await send(engineVia(proxyUrl(), files()), `${mtls.url}/`)
    expect(clientOf(result)).toBe('Courier Test Client')
    expect(result.ok && result.response.tls?.chain[0]?.subject).toBe('CN=localhost')
  })

  it('honours the minimum TLS version', async () => {
    expect(clientOf(await send(engineVia(proxyUrl(), files()), `${capped.url}/`))).toBe(
      'Courier Test Client',
    )
    const tooOld = await send(
      engineVia(proxyUrl(), files({ minVersion: 'TLSv1.3' })),
      `${capped.url}/`,
    )
    expect(tooOld.ok ? '' : tooOld.error.message).toMatch(/no TLS version in common/)
  })

  it('never reuses a socket for a request that should present another certificate', async () => {
    const port = new URL(mtls.url).port
    const only = files({
      clientCerts: [
        { host: `127.0.0.1:${port}`, certFile: pki.clientCert, keyFile: pki.clientKey },
      ],
    })
    const engine = engineVia(proxyUrl(), only)
    expect(clientOf(await send(engine, `https://127.0.0.1:${port}/`))).toBe('Courier Test Client')
    // The same server by another name: no certificate fits, so none may be presented.
    const other = await send(engine, `https://localhost:${port}/`)
    expect(other.ok ? '' : other.error.message).toMatch(/requires a client certificate/)
    // New settings close the sockets made with the old ones.
    engine.useTls(loadTlsMaterial(files({ clientCerts: [] })))
    const after = await send(engine, `https://127.0.0.1:${port}/`)
    expect(after.ok ? '' : after.error.message).toMatch(/requires a client certificate/)
  })
})

it('keeps the tunnel alive: two https requests through a proxy share one connection', async () => {
  const proxy = await startProxyServer()
  started.push(proxy)
  const engine = engineVia(proxy.url, files())
  clientOf(await send(engine, `${mtls.url}/1`))
  clientOf(await send(engine, `${mtls.url}/2`))
  expect(proxy.requests.map((r) => r.line)).toEqual([`CONNECT ${new URL(mtls.url).host}`])
  expect(proxy.connections()).toBe(1)
})

describe('an https:// proxy (TLS to the proxy itself)', () => {
  let tlsProxy: RunningProxy
  beforeAll(async () => {
    tlsProxy = await startProxyServer({
      tls: { cert: pem(pki.serverCert), key: pem(pki.serverKey), ca: pem(pki.caCert) },
    })
    started.push(tlsProxy)
  })

  it('fails naming the proxy when its certificate is not trusted, even with verification off', async () => {
    for (const [url, verify] of [
      [`${mtls.url}/`, true],
      [`${mtls.url}/`, false],
      [`${plain.url}/`, true],
    ] as const) {
      const result = await send(engineVia(tlsProxy.url), url, verify)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('PROXY')
      expect(result.error.message).toMatch(
        new RegExp(`^The proxy ${tlsProxy.url}'s certificate is not trusted \\(\\w+\\)`),
      )
      expect(result.error.hint).toMatch(/add its CA certificate under Settings → TLS \(--cacert/)
    }
  })

  it('is trusted through the custom CA, tunnels https and forwards http', async () => {
    const engine = engineVia(tlsProxy.url, files({ clientCerts: [] }))
    const open = await startMtlsServer(pki, { requireClientCert: false })
    started.push(open)
    expect(clientOf(await send(engine, `${open.url}/tunnelled`))).toBeNull()
    const forwarded = await send(engine, `${plain.url}/forwarded`)
    expect(forwarded.ok && forwarded.response.status).toBe(200)
    expect(tlsProxy.requests.map((r) => r.line)).toEqual([
      `CONNECT ${new URL(open.url).host}`,
      `GET ${plain.url}/forwarded`,
    ])
  })

  it('presents a client certificate to the proxy only when one names its host, not for "*"', async () => {
    const cert = (host: string) => ({ host, certFile: pki.clientCert, keyFile: pki.clientKey })
    const before = tlsProxy.clientCerts.length
    const wildcard = engineVia(tlsProxy.url, files({ clientCerts: [cert('*')] }))
    expect(clientOf(await send(wildcard, `${mtls.url}/`))).toBe('Courier Test Client')
    const named = engineVia(tlsProxy.url, files({ clientCerts: [cert('127.0.0.1')] }))
    expect(clientOf(await send(named, `${mtls.url}/`))).toBe('Courier Test Client')
    expect(tlsProxy.clientCerts.slice(before)).toEqual([null, 'Courier Test Client'])
  })

  it('"Test proxy" trusts it through the saved TLS settings, and says when it is not trusted', async () => {
    const deps = { saved: () => ProxySettingsSchema.parse({}), env: {} }
    const form = { mode: 'manual' as const, url: tlsProxy.url }
    const untrusted = await testProxy(form, `${plain.url}/`, deps)
    expect(untrusted.ok).toBe(false)
    expect(untrusted.message).toMatch(`The proxy ${tlsProxy.url}'s certificate is not trusted`)
    const tls = () => loadTlsMaterial(files({ clientCerts: [] }))
    const trusted = await testProxy(form, `${plain.url}/`, { ...deps, tls })
    expect(trusted.message).toBe(`Reached ${plain.url}/ through the proxy ${tlsProxy.url}: 200 OK.`)
    const badFile = () => loadTlsMaterial(files({ caFiles: [`${pki.dir}/gone.pem`] }))
    const broken = await testProxy(form, `${plain.url}/`, { ...deps, tls: badFile })
    expect(broken.message).toMatch(/gone\.pem": no such file/)
    expect(broken.hint).toMatch(/under Settings → TLS/)
  })
})

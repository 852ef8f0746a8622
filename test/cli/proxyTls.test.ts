import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMtlsServer } from '../servers/mtlsServer'
import { startProxyServer, type RunningProxy } from '../servers/proxyServer'
import { startSocksServer, type RunningSocksServer } from '../servers/socksServer'
import { makeTestPki, pem, type TestPki } from '../servers/tlsPki'
import type { RunningServer } from '../servers/listen'
import { runCourier, tempDir } from './runCourier'

const dataDir = tempDir('courier-cli-proxy-tls-')
const send = (...args: string[]) => runCourier(['send', ...args, '--no-history'], { dataDir })

let pki: TestPki
let mtls: RunningServer
let proxy: RunningProxy
let socks: RunningSocksServer
let tlsProxy: RunningProxy

beforeAll(async () => {
  pki = makeTestPki()
  ;[mtls, proxy, socks, tlsProxy] = await Promise.all([
    startMtlsServer(pki),
    startProxyServer(),
    startSocksServer(),
    startProxyServer({ tls: { cert: pem(pki.serverCert), key: pem(pki.serverKey) } }),
  ])
})
afterAll(() => Promise.all([mtls, proxy, socks, tlsProxy].map((s) => s.close())))

const tlsFlags = () => ['--cacert', pki.caCert, '--cert', pki.clientCert, '--key', pki.clientKey]

describe('courier send --proxy with --cacert --cert --key', () => {
  it.each([
    ['an HTTP CONNECT proxy', () => proxy.url],
    ['a SOCKS5 proxy', () => socks.url],
    ['an https:// proxy trusted through --cacert', () => tlsProxy.url],
  ])(
    'through %s: the private CA is trusted and the client certificate presented',
    async (_, url) => {
      const args = ['GET', `${mtls.url}/`, '--proxy', url(), ...tlsFlags(), '--output', 'json']
      const result = await send(...args)
      expect(result.code).toBe(0)
      const out = JSON.parse(result.stdout)
      expect(JSON.parse(out.body)).toEqual({ client: 'Courier Test Client' })
      expect(out.tls.chain[1].subject).toBe('CN=Courier Test CA')
    },
  )

  it('--tls-min applies through the proxy', async () => {
    const capped = await startMtlsServer(pki, { maxVersion: 'TLSv1.2' })
    try {
      const args = ['GET', `${capped.url}/`, '--proxy', proxy.url, ...tlsFlags()]
      expect((await send(...args)).code).toBe(0)
      const tooOld = await send(...args, '--tls-min', '1.3')
      expect(tooOld.code).toBe(2)
      expect(tooOld.stderr).toMatch(/no TLS version in common/)
    } finally {
      await capped.close()
    }
  })

  it('an https:// proxy whose CA is not trusted fails naming the proxy and --cacert', async () => {
    const result = await send('GET', `${mtls.url}/`, '--proxy', tlsProxy.url, '--insecure')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`The proxy ${tlsProxy.url}'s certificate is not trusted`)
    expect(result.stderr).toMatch(/--cacert FILE on the command line: it is trusted for the proxy/)
  })
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { ProxyRouter } from '../../../../electron/core/http/proxy/proxyRouter'
import { testProxy } from '../../../../electron/core/http/proxy/proxyTest'
import { ProxySettingsSchema } from '../../../../shared/model/proxySettings'
import {
  startPacServer,
  startProxyServer,
  startRecordingServer,
  startSocksServer,
  type RunningProxy,
  type RunningServer,
  type RunningSocksServer,
} from '../../../servers'
import { freePort } from '../../../servers/freePort'
import { spec } from '../spec'

let target: RunningServer
let proxy: RunningProxy
let socks: RunningSocksServer
let pac: RunningServer & { reads(): number }
let brokenPac: RunningServer
let deadPort: number
const engines: HttpEngine[] = []

beforeAll(async () => {
  ;[target, proxy, socks] = await Promise.all([
    startRecordingServer(),
    startProxyServer(),
    startSocksServer(),
  ])
  const proxyHost = new URL(proxy.url).host
  const socksHost = new URL(socks.url).host
  brokenPac = await startPacServer('function FindProxyForURL(url, host) { return nope(; }')
  // A port nothing listens on: the OS may hand the port it just freed to the PAC server
  // started next (seen once in a full run), so a PAC server on it is replaced.
  for (;;) {
    deadPort = await freePort()
    pac = await startPacServer(pacSource(proxyHost, socksHost))
    if (new URL(pac.url).port !== String(deadPort)) break
    await pac.close()
  }
})

function pacSource(proxyHost: string, socksHost: string): string {
  return `
    function FindProxyForURL(url, host) {
      if (shExpMatch(url, "*/failover-proxy*")) return "PROXY 127.0.0.1:${deadPort}; PROXY ${proxyHost}";
      if (shExpMatch(url, "*/failover-direct*")) return "PROXY 127.0.0.1:${deadPort}; DIRECT";
      if (shExpMatch(url, "*/no-failover*")) return "PROXY 127.0.0.1:${deadPort}";
      if (shExpMatch(url, "*/via-pac-proxy*")) return "PROXY ${proxyHost}; DIRECT";
      if (shExpMatch(url, "*/via-pac-socks*")) return "SOCKS5 ${socksHost}";
      return "DIRECT";
    }`
}
afterEach(() => engines.splice(0).forEach((engine) => engine.close()))
afterAll(async () =>
  Promise.all([target, proxy, socks, pac, brokenPac].map((server) => server.close())),
)

function engineForPac(pacUrl: string): HttpEngine {
  const config = { mode: 'pac' as const, url: '', pacUrl, noProxy: '' }
  const engine = new HttpEngine({ proxy: new ProxyRouter({ config: () => config, env: {} }) })
  engines.push(engine)
  return engine
}

async function outcome(engine: HttpEngine, path: string): Promise<string> {
  const result = await engine.send({ spec: spec({ url: `${target.url}${path}` }) })
  return result.ok
    ? String(result.response.status)
    : `${result.error.code}: ${result.error.message}`
}

describe('a PAC file chooses the proxy', () => {
  it('per URL: an HTTP proxy, a SOCKS5 proxy or DIRECT, reading the file once', async () => {
    const engine = engineForPac(`${pac.url}/proxy.pac`)
    expect(await outcome(engine, '/via-pac-proxy')).toBe('200')
    expect(await outcome(engine, '/via-pac-socks')).toBe('200')
    expect(await outcome(engine, '/pac-direct')).toBe('200')
    expect(proxy.requests.map((r) => r.line)).toEqual([`GET ${target.url}/via-pac-proxy`])
    expect(socks.connects).toEqual([new URL(target.url).host])
    expect(pac.reads()).toBe(1)
  })

  it('tries the next proxy of the answer, or DIRECT, when one cannot be reached', async () => {
    const engine = engineForPac(`${pac.url}/proxy.pac`)
    expect(await outcome(engine, '/failover-proxy')).toBe('200')
    expect(proxy.requests.at(-1)?.line).toBe(`GET ${target.url}/failover-proxy`)
    const before = proxy.requests.length
    expect(await outcome(engine, '/failover-direct')).toBe('200')
    expect(proxy.requests.length).toBe(before)
    expect(await outcome(engine, '/no-failover')).toBe(
      `PROXY: Could not reach the proxy http://127.0.0.1:${deadPort}: it refused the connection: nothing is listening there.`,
    )
  })

  it('Test proxy names each proxy it could not reach and the one it went through', async () => {
    const result = await testProxy(
      { mode: 'pac', pacUrl: `${pac.url}/proxy.pac` },
      `${target.url}/failover-proxy`,
      {
        saved: () => ProxySettingsSchema.parse({}),
        env: {},
      },
    )
    expect(result).toEqual({
      ok: true,
      via: proxy.url,
      status: 200,
      message: `Could not reach the proxy http://127.0.0.1:${deadPort}: it refused the connection: nothing is listening there. Reached ${target.url}/failover-proxy through the proxy ${proxy.url}: 200 OK.`,
      hint: '',
    })
  })

  it('fails naming the PAC file when it cannot be read or does not compile', async () => {
    const port = await freePort()
    const unreachable = `http://127.0.0.1:${port}/proxy.pac`
    expect(await outcome(engineForPac(unreachable), '/x')).toBe(
      `PROXY: Could not read the PAC file at ${unreachable}: ECONNREFUSED.`,
    )
    const broken = await outcome(engineForPac(`${brokenPac.url}/broken.pac`), '/x')
    expect(broken).toMatch(new RegExp(`^PROXY: The PAC file at ${brokenPac.url}/broken.pac failed`))
  })
})

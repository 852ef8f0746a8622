import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { ProxyRouter, type ProxyConfig } from '../../../../electron/core/http/proxy/proxyRouter'
import type { SendResult } from '../../../../shared/ipc/contract'
import {
  startProxyServer,
  startRecordingServer,
  startSocksServer,
  startTlsServer,
  type RecordedRequest,
  type RunningServer,
} from '../../../servers'
import { freePort } from '../../../servers/freePort'
import { spec } from '../spec'

let target: RunningServer & { requests: RecordedRequest[] }
let tls: RunningServer
const started: RunningServer[] = []
const engines: HttpEngine[] = []

beforeAll(async () => {
  ;[target, tls] = await Promise.all([startRecordingServer(), startTlsServer()])
})
afterEach(() => engines.splice(0).forEach((engine) => engine.close()))
afterAll(async () => {
  await Promise.all([target, tls, ...started].map((server) => server.close()))
})

async function server<T extends RunningServer>(start: Promise<T>): Promise<T> {
  const running = await start
  started.push(running)
  return running
}

function engineWith(config: Partial<ProxyConfig>, env: Record<string, string> = {}): HttpEngine {
  const full: ProxyConfig = { mode: 'manual', url: '', pacUrl: '', noProxy: '', ...config }
  const engine = new HttpEngine({ proxy: new ProxyRouter({ config: () => full, env }) })
  engines.push(engine)
  return engine
}

async function send(engine: HttpEngine, url: string, verifyTls = true): Promise<SendResult> {
  return engine.send({ spec: spec({ url, settings: { verifyTls } }) })
}

function body(result: SendResult): string {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.response.body
}

const hostOf = (url: string) => new URL(url).host

describe('requests go through the configured proxy', () => {
  it('forwards plain HTTP through an HTTP proxy', async () => {
    const proxy = await server(startProxyServer())
    const result = await send(engineWith({ url: proxy.url }), `${target.url}/via-http-proxy`)
    expect(body(result)).toBe('{"ok":true}')
    expect(proxy.requests.map((r) => r.line)).toEqual([`GET ${target.url}/via-http-proxy`])
    const arrived = target.requests.find((r) => r.url === '/via-http-proxy')
    expect(arrived?.headers).toContainEqual(['via', '1.1 test-proxy'])
  })

  it('tunnels HTTPS with CONNECT, TLS end to end with the target', async () => {
    const proxy = await server(startProxyServer())
    const engine = engineWith({ url: proxy.url })
    expect(body(await send(engine, `${tls.url}/secure`, false))).toBe('{"secure":true}')
    expect(proxy.requests.map((r) => r.line)).toEqual([`CONNECT ${hostOf(tls.url)}`])
    // The self-signed certificate is the target's: verification still applies through the tunnel.
    const verified = await send(engine, `${tls.url}/secure`, true)
    expect(verified.ok ? 'ok' : verified.error.code).toBe('TLS')
  })

  it('goes through a SOCKS5 proxy, for HTTP and HTTPS', async () => {
    const socks = await server(startSocksServer())
    const engine = engineWith({ url: socks.url })
    expect(body(await send(engine, `${target.url}/via-socks`))).toBe('{"ok":true}')
    expect(body(await send(engine, `${tls.url}/`, false))).toBe('{"secure":true}')
    expect(socks.connects).toEqual([hostOf(target.url), hostOf(tls.url)])
  })

  it('reuses one kept-alive connection to the proxy for two requests', async () => {
    const proxy = await server(startProxyServer())
    const engine = engineWith({ url: proxy.url })
    body(await send(engine, `${target.url}/first`))
    body(await send(engine, `${target.url}/second`))
    expect(proxy.requests).toHaveLength(2)
    expect(proxy.connections()).toBe(1)
    // And one tunnel for two HTTPS requests.
    const tunnel = await server(startProxyServer())
    const viaTunnel = engineWith({ url: tunnel.url })
    body(await send(viaTunnel, `${tls.url}/1`, false))
    body(await send(viaTunnel, `${tls.url}/2`, false))
    expect(tunnel.requests.map((r) => r.line)).toEqual([`CONNECT ${hostOf(tls.url)}`])
    expect(tunnel.connections()).toBe(1)
  })
})

describe('proxy authentication', () => {
  it('fails naming the proxy on 407, then succeeds with user:password in the URL', async () => {
    const proxy = await server(startProxyServer({ credentials: 'tester:s3cret' }))
    const bare = await send(engineWith({ url: proxy.url }), `${target.url}/auth`)
    expect(bare.ok).toBe(false)
    if (!bare.ok) {
      expect(bare.error.code).toBe('PROXY')
      expect(bare.error.message).toContain(`proxy ${proxy.url} requires authentication`)
    }
    const withCredentials = proxy.url.replace('//', '//tester:s3cret@')
    const engine = engineWith({ url: withCredentials })
    expect(body(await send(engine, `${target.url}/auth`))).toBe('{"ok":true}')
    expect(body(await send(engine, `${tls.url}/auth`, false))).toBe('{"secure":true}')
    const basic = `Basic ${Buffer.from('tester:s3cret').toString('base64')}`
    expect(proxy.requests.slice(-2).map((r) => r.proxyAuthorization)).toEqual([basic, basic])
  })

  it('fails naming the proxy when CONNECT gets 407 or wrong credentials', async () => {
    const proxy = await server(startProxyServer({ credentials: 'tester:s3cret' }))
    const bare = await send(engineWith({ url: proxy.url }), `${tls.url}/`, false)
    expect(bare.ok ? '' : bare.error.message).toContain(
      `proxy ${proxy.url} requires authentication`,
    )
    const wrong = proxy.url.replace('//', '//tester:wrong@')
    const refused = await send(engineWith({ url: wrong }), `${tls.url}/`, false)
    expect(refused.ok ? '' : refused.error.message).toContain(
      `proxy ${proxy.url} did not accept the user name and password`,
    )
    expect(refused.ok ? '' : refused.error.message).not.toContain('wrong')
  })

  it('authenticates to a SOCKS5 proxy with user name and password', async () => {
    const socks = await server(startSocksServer('tester:s3cret'))
    const good = socks.url.replace('//', '//tester:s3cret@')
    expect(body(await send(engineWith({ url: good }), `${target.url}/socks-auth`))).toBe(
      '{"ok":true}',
    )
    const bad = await send(
      engineWith({ url: socks.url.replace('//', '//tester:nope@') }),
      target.url,
    )
    expect(bad.ok ? '' : bad.error.code).toBe('PROXY')
    expect(bad.ok ? '' : bad.error.message).toContain(`SOCKS proxy ${socks.url}`)
  })
})

describe('what goes direct', () => {
  it('bypasses the proxy for hosts in the no-proxy list', async () => {
    const proxy = await server(startProxyServer())
    const engine = engineWith({ url: proxy.url, noProxy: 'example.test, 127.0.0.1' })
    expect(body(await send(engine, `${target.url}/direct`))).toBe('{"ok":true}')
    expect(proxy.requests).toEqual([])
  })

  it('reads http_proxy in lower case and HTTPS_PROXY in upper case, and NO_PROXY', async () => {
    const proxy = await server(startProxyServer())
    const env = { http_proxy: proxy.url, HTTPS_PROXY: proxy.url }
    const engine = engineWith({ mode: 'environment' }, env)
    body(await send(engine, `${target.url}/env-lower`))
    body(await send(engine, `${tls.url}/env-upper`, false))
    expect(proxy.requests.map((r) => r.line)).toEqual([
      `GET ${target.url}/env-lower`,
      `CONNECT ${hostOf(tls.url)}`,
    ])
    const upper = await server(startProxyServer())
    const bypassed = engineWith(
      { mode: 'environment' },
      { HTTP_PROXY: upper.url, no_proxy: `localhost,${hostOf(target.url)}` },
    )
    body(await send(bypassed, `${target.url}/env-bypassed`))
    expect(upper.requests).toEqual([])
    // Mode none ignores the environment.
    body(await send(engineWith({ mode: 'none' }, { HTTP_PROXY: upper.url }), target.url))
    expect(upper.requests).toEqual([])
  })
})

describe('proxy failures name the proxy', () => {
  it('an unreachable proxy', async () => {
    const port = await freePort()
    const result = await send(engineWith({ url: `http://127.0.0.1:${port}` }), target.url)
    expect(result.ok ? '' : result.error.code).toBe('PROXY')
    expect(result.ok ? '' : result.error.message).toBe(
      `Could not reach the proxy http://127.0.0.1:${port}: it refused the connection: nothing is listening there.`,
    )
    const viaTunnel = await send(engineWith({ url: `http://127.0.0.1:${port}` }), tls.url)
    expect(viaTunnel.ok ? '' : viaTunnel.error.message).toContain('Could not reach the proxy')
    const socks = await send(engineWith({ url: `socks5://127.0.0.1:${port}` }), target.url)
    expect(socks.ok ? '' : socks.error.message).toContain(
      `Could not reach the proxy socks5://127.0.0.1:${port}`,
    )
  })

  it('a CONNECT the proxy refuses', async () => {
    const proxy = await server(startProxyServer({ refuseConnect: 403 }))
    const result = await send(engineWith({ url: proxy.url }), `${tls.url}/`, false)
    expect(result.ok ? '' : result.error.message).toBe(
      `The proxy ${proxy.url} refused to open a tunnel to ${hostOf(tls.url)} (CONNECT answered 403).`,
    )
  })

  it('a SOCKS proxy that cannot reach the target', async () => {
    const socks = await server(startSocksServer())
    const port = await freePort()
    const result = await send(engineWith({ url: socks.url }), `http://127.0.0.1:${port}/`)
    expect(result.ok ? '' : result.error.code).toBe('PROXY')
    expect(result.ok ? '' : result.error.message).toContain(
      `The SOCKS proxy ${socks.url} could not connect to 127.0.0.1:${port}`,
    )
  })

  it('a proxy URL that is not one', async () => {
    const result = await send(engineWith({ url: 'ftp://user:pw@proxy.test:21' }), target.url)
    expect(result.ok ? '' : result.error.message).toBe(
      'The proxy "ftp://***@proxy.test:21" is not a valid proxy URL.',
    )
  })
})

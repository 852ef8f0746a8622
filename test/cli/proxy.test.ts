import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startProxyServer,
  startRecordingServer,
  startSocksServer,
  startTlsServer,
  type RunningProxy,
  type RunningServer,
  type RunningSocksServer,
} from '../servers'
import { runCourier, tempDir } from './runCourier'
import { runFixtures, status } from './runFixtures'

const dataDir = tempDir('courier-cli-proxy-')
const fx = runFixtures('courier-cli-proxy-run-')
let target: RunningServer
let tls: RunningServer
let proxy: RunningProxy
let socks: RunningSocksServer

const send = (args: string[], env: Record<string, string> = {}) =>
  runCourier(['send', ...args, '--no-history'], { dataDir, env })

beforeAll(async () => {
  ;[target, tls, proxy, socks] = await Promise.all([
    startRecordingServer(),
    startTlsServer(),
    startProxyServer({ credentials: 'cli:pw' }),
    startSocksServer(),
  ])
})
afterAll(async () => {
  await Promise.all([target, tls, proxy, socks].map((server) => server.close()))
})

const withCredentials = (url: string) => url.replace('//', '//cli:pw@')
const lines = () => proxy.requests.map((r) => r.line)

describe('courier send --proxy / --no-proxy', () => {
  it('sends through the proxy given, HTTP and HTTPS (CONNECT)', async () => {
    const plain = await send([
      'GET',
      `${target.url}/cli-plain`,
      '--proxy',
      withCredentials(proxy.url),
    ])
    expect(plain.code).toBe(0)
    const secure = await send([
      'GET',
      `${tls.url}/cli-secure`,
      '--insecure',
      '--proxy',
      withCredentials(proxy.url),
    ])
    expect(secure.code).toBe(0)
    expect(secure.stdout).toMatch(/"secure": ?true/)
    expect(lines()).toContain(`GET ${target.url}/cli-plain`)
    expect(lines()).toContain(`CONNECT ${new URL(tls.url).host}`)
  })

  it('through a SOCKS5 proxy', async () => {
    const r = await send(['GET', `${target.url}/cli-socks`, '--proxy', socks.url])
    expect(r.code).toBe(0)
    expect(socks.connects).toContain(new URL(target.url).host)
  })

  it('fails with exit 2 and a message naming the proxy on 407', async () => {
    const r = await send(['GET', `${target.url}/cli-407`, '--proxy', proxy.url])
    expect(r.code).toBe(2)
    expect(r.stderr + r.stdout).toContain(`The proxy ${proxy.url} requires authentication`)
  })

  it('--no-proxy sends the hosts listed straight to them', async () => {
    const r = await send([
      'GET',
      `${target.url}/cli-direct`,
      '--proxy',
      proxy.url,
      '--no-proxy',
      'example.test,127.0.0.1',
    ])
    expect(r.code).toBe(0)
    expect(lines().some((line) => line.includes('/cli-direct'))).toBe(false)
  })

  it('reads HTTP_PROXY from the environment, and --no-proxy wins over NO_PROXY', async () => {
    const env = { HTTP_PROXY: withCredentials(proxy.url), NO_PROXY: '' }
    expect((await send(['GET', `${target.url}/cli-env`], env)).code).toBe(0)
    expect(lines()).toContain(`GET ${target.url}/cli-env`)
    const bypass = { ...env, no_proxy: '127.0.0.1' }
    expect((await send(['GET', `${target.url}/cli-env-bypass`], bypass)).code).toBe(0)
    expect(lines()).not.toContain(`GET ${target.url}/cli-env-bypass`)
    expect(
      (await send(['GET', `${target.url}/cli-env-flag`, '--no-proxy', 'x.test'], bypass)).code,
    ).toBe(0)
    expect(lines()).toContain(`GET ${target.url}/cli-env-flag`)
  })

  it('refuses a --proxy that is not a proxy URL', async () => {
    const r = await send(['GET', target.url, '--proxy', 'ftp://proxy.test'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--proxy: The proxy "ftp://proxy.test" is not a valid proxy URL.')
  })
})

describe('courier run --proxy', () => {
  it('sends every request of the collection through the proxy', async () => {
    const path = fx.collection([
      { name: 'One', url: `${target.url}/run-1`, test: status(200) },
      { name: 'Two', url: `${target.url}/run-2`, test: status(200) },
    ])
    const run = await fx.courier([path, '--proxy', withCredentials(proxy.url), '--color', 'off'])
    expect(run.code).toBe(0)
    expect(lines()).toEqual(
      expect.arrayContaining([`GET ${target.url}/run-1`, `GET ${target.url}/run-2`]),
    )
    const direct = await fx.courier([path, '--proxy', proxy.url, '--no-proxy', '*'])
    expect(direct.code).toBe(0)
  })
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../../electron/core/http/engine'
import {
  PROXY_PASSWORD_KEY,
  proxyConfigOf,
} from '../../../../electron/core/http/proxy/proxyPassword'
import { ProxyRouter, type ProxyResolver } from '../../../../electron/core/http/proxy/proxyRouter'
import { MemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore'
import { SettingsService } from '../../../../electron/core/settings/settingsService'
import { createMemoryStore } from '../../../../electron/core/storage/keyValueStore'
import {
  startProxyServer,
  startRecordingServer,
  type RunningProxy,
  type RunningServer,
} from '../../../servers'
import { spec } from '../spec'

let target: RunningServer
let proxy: RunningProxy
const engines: HttpEngine[] = []

beforeAll(async () => {
  ;[target, proxy] = await Promise.all([
    startRecordingServer(),
    startProxyServer({ credentials: 'tester:pa ss@1' }),
  ])
})
afterEach(() => engines.splice(0).forEach((engine) => engine.close()))
afterAll(async () => Promise.all([target.close(), proxy.close()]))

function appLike(system?: ProxyResolver, env: Record<string, string> = {}) {
  const store = createMemoryStore()
  const secrets = new MemorySecretStore()
  const settings = new SettingsService(store, () => {}, secrets)
  const router = new ProxyRouter({
    config: () => proxyConfigOf(settings.get().proxy, secrets),
    env,
    ...(system && { system }),
  })
  const engine = new HttpEngine({ proxy: router })
  engines.push(engine)
  return { store, secrets, settings, engine }
}

async function statusOf(engine: HttpEngine, path: string): Promise<string> {
  const result = await engine.send({ spec: spec({ url: `${target.url}${path}` }) })
  return result.ok ? String(result.response.status) : result.error.message
}

describe('the proxy password lives in the secret store', () => {
  it('moves user:password@ out of the URL, and the proxy still gets it', async () => {
    const { store, secrets, settings, engine } = appLike()
    const url = proxy.url.replace('//', '//tester:pa%20ss%401@')
    const saved = settings.update({ proxy: { mode: 'manual', url } })
    expect(saved.proxy).toMatchObject({
      url: proxy.url.replace('//', '//tester@'),
      passwordSaved: true,
    })
    const file = JSON.stringify(store.get('settings'))
    expect(file).not.toContain('pa ss')
    expect(file).not.toContain('pa%20ss')
    expect(secrets.get(PROXY_PASSWORD_KEY)).toBe('pa ss@1')
    expect(await statusOf(engine, '/with-stored-password')).toBe('200')
    expect(proxy.requests.at(-1)?.line).toBe(`GET ${target.url}/with-stored-password`)
  })

  it('takes the password from its own field, and forgets it when blank', async () => {
    const { secrets, settings, engine } = appLike()
    const user = proxy.url.replace('//', '//tester@')
    settings.update({ proxy: { mode: 'manual', url: user, password: 'pa ss@1' } })
    expect(await statusOf(engine, '/field')).toBe('200')
    expect(settings.update({ proxy: { password: '' } }).proxy.passwordSaved).toBe(false)
    expect(secrets.get(PROXY_PASSWORD_KEY)).toBeUndefined()
    expect(await statusOf(engine, '/forgotten')).toContain(
      'did not accept the user name and password',
    )
  })
})

describe('proxy modes', () => {
  const answers: string[] = []
  /** Stands in for Electron's session.resolveProxy, which cannot run here. */
  const fakeSystem: ProxyResolver = {
    resolveProxy: async (url) => {
      answers.push(url)
      return url.includes('/via-system') ? `PROXY ${new URL(proxy.url).host}; DIRECT` : 'DIRECT'
    },
  }

  it('system: goes where the system resolver says, per URL', async () => {
    const { settings, engine } = appLike(fakeSystem)
    settings.update({
      proxy: { mode: 'system', url: proxy.url.replace('//', '//tester:pa%20ss%401@') },
    })
    // The system's proxy gets no credentials of the manual URL: 407, naming it.
    expect(await statusOf(engine, '/via-system')).toContain(`proxy ${proxy.url} requires`)
    expect(await statusOf(engine, '/system-direct')).toBe('200')
    expect(answers).toEqual([`${target.url}/via-system`, `${target.url}/system-direct`])
  })

  it('system without an OS resolver (browser mode, CLI) reads the environment', async () => {
    const env = { HTTP_PROXY: proxy.url.replace('//', '//tester:pa%20ss%401@') }
    const { settings, engine } = appLike(undefined, env)
    settings.update({ proxy: { mode: 'system' } })
    expect(await statusOf(engine, '/system-env')).toBe('200')
    expect(proxy.requests.at(-1)?.line).toBe(`GET ${target.url}/system-env`)
  })

  it('the no-proxy list applies to every mode', async () => {
    const { settings, engine } = appLike(fakeSystem)
    settings.update({ proxy: { mode: 'system', noProxy: '127.0.0.0/8' } })
    const before = proxy.requests.length
    expect(await statusOf(engine, '/via-system-bypassed')).toBe('200')
    expect(proxy.requests.length).toBe(before)
  })
})

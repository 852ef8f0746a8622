import type { ProxySettings, ProxySettingsPatch } from '../../../../shared/model/proxySettings'
import type { ProxyTestResult } from '../../../../shared/ipc/proxyCalls'
import type { SecretStore } from '../../secrets/secretStore'
import { emptyRequest } from '../../../../shared/model/request'
import { HttpEngine } from '../engine'
import { describeFailure } from '../describeFailure'
import { PROXY_PASSWORD_KEY, withPassword } from './proxyPassword'
import { proxyLabel } from './proxyFailure'
import { ProxyRouter, type ProxyResolver } from './proxyRouter'

export interface ProxyTestDeps {
  /** The saved settings, for what the form leaves out. */
  saved: () => ProxySettings
  secrets?: SecretStore
  system?: ProxyResolver
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * "Test proxy": a GET to `url` through the settings as edited, on an engine of its own
 * (nothing is saved, no kept-alive socket is shared with real sends), and what happened
 * in one sentence.
 */
export async function testProxy(
  form: ProxySettingsPatch,
  url: string,
  deps: ProxyTestDeps,
): Promise<ProxyTestResult> {
  const config = { ...deps.saved(), ...form }
  const typed = form.password ?? ''
  const password = typed !== '' ? typed : deps.secrets?.get(PROXY_PASSWORD_KEY)
  const router = new ProxyRouter({
    config: () => ({ ...config, url: withPassword(config.url, password) }),
    ...(deps.system && { system: deps.system }),
    ...(deps.env && { env: deps.env }),
  })
  let via: string | null = null
  const engine = new HttpEngine({
    proxy: {
      proxyFor: async (target) => {
        const proxy = await router.proxyFor(target)
        via = proxy ? proxyLabel(proxy) : null
        return proxy
      },
    },
  })
  try {
    const result = await engine.send({
      spec: { ...emptyRequest(), method: 'GET', url, settings: { timeoutMs: 15_000 } },
    })
    if (!result.ok) {
      const { message, hint } = result.error
      return { ok: false, via, status: null, message, hint }
    }
    const { status, statusText } = result.response
    const route = via ? `through the proxy ${via}` : 'directly (no proxy applies to this URL)'
    return {
      ok: true,
      via,
      status,
      message: `Reached ${url} ${route}: ${status} ${statusText}.`.replace(' .', '.'),
      hint: '',
    }
  } catch (error) {
    const failure = describeFailure(error, { target: url, timeoutMs: 15_000 })
    return { ok: false, via, status: null, message: failure.message, hint: failure.hint }
  } finally {
    engine.close()
  }
}

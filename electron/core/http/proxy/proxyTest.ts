import type { ProxySettings, ProxySettingsPatch } from '../../../../shared/model/proxySettings'
import type { ProxyTestResult } from '../../../../shared/ipc/proxyCalls'
import type { SecretStore } from '../../secrets/secretStore'
import { emptyRequest } from '../../../../shared/model/request'
import { HttpEngine } from '../engine'
import { describeFailure } from '../describeFailure'
import { TlsFileError, type TlsMaterial } from '../tlsMaterial'
import { PROXY_PASSWORD_KEY, withPassword } from './proxyPassword'
import { proxyLabel, unreachableCode } from './proxyFailure'
import { ProxyRouter, type ProxyResolver } from './proxyRouter'

export interface ProxyTestDeps {
  /** The saved settings, for what the form leaves out. */
  saved: () => ProxySettings
  secrets?: SecretStore
  system?: ProxyResolver
  env?: Readonly<Record<string, string | undefined>>
  /**
   * The saved TLS settings read into material, so the test trusts an https:// proxy's
   * private CA as sends do; may throw a TlsFileError naming a bad file.
   */
  tls?: () => TlsMaterial | undefined
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
  // Routes are tried one engine send at a time, so the answer names the one that was used.
  let via: string | null = null
  let skipped = 0
  let routeCount = 1
  const unreachable: string[] = []
  const engine = new HttpEngine({
    proxy: {
      routesFor: async (target) => {
        const routes = await router.routesFor(target)
        routeCount = routes.length
        const route = routes[Math.min(skipped, routes.length - 1)] ?? null
        via = route ? proxyLabel(route) : null
        return [route]
      },
    },
  })
  try {
    engine.useTls(deps.tls?.())
    for (;;) {
      const result = await engine.send({
        spec: { ...emptyRequest(), method: 'GET', url, settings: { timeoutMs: 15_000 } },
      })
      if (!result.ok) {
        const { message, hint, code, cause } = result.error
        if (code === 'PROXY' && unreachableCode(cause) && skipped + 1 < routeCount) {
          skipped++
          unreachable.push(message)
          continue
        }
        return { ok: false, via, status: null, message: [...unreachable, message].join(' '), hint }
      }
      const { status, statusText } = result.response
      const route = via ? `through the proxy ${via}` : 'directly (no proxy applies to this URL)'
      const reached = `Reached ${url} ${route}: ${status} ${statusText}.`.replace(' .', '.')
      return { ok: true, via, status, message: [...unreachable, reached].join(' '), hint: '' }
    }
  } catch (error) {
    if (error instanceof TlsFileError) {
      const hint = 'Fix or remove that file under Settings → TLS, then test again.'
      return { ok: false, via, status: null, message: error.message, hint }
    }
    const failure = describeFailure(error, { target: url, timeoutMs: 15_000 })
    return { ok: false, via, status: null, message: failure.message, hint: failure.hint }
  } finally {
    engine.close()
  }
}

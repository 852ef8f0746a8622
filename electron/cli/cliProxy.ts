import { RequestFailure } from '../core/http/requestFailure'
import { ProxyRouter, proxyUrl } from '../core/http/proxy/proxyRouter'
import { UsageError } from './cliIo'
import type { ProxyFlags } from './proxyFlags'

/**
 * The command line's proxy: `--proxy` wins over the environment, as in curl, and
 * `--no-proxy` replaces NO_PROXY. The app's proxy settings are not read: a command
 * behaves the same on a build machine as on the tester's.
 */
export function cliProxyRouter(
  flags: ProxyFlags,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ProxyRouter {
  const url = flags.proxy?.trim() ?? ''
  if (url !== '') checkProxyFlag(url)
  const noProxy = flags.noProxy ?? ''
  const ownEnv =
    flags.noProxy === undefined
      ? env
      : Object.fromEntries(
          Object.entries(env).filter(([name]) => name.toLowerCase() !== 'no_proxy'),
        )
  const config = {
    mode: url === '' ? ('environment' as const) : ('manual' as const),
    url,
    pacUrl: '',
    noProxy,
  }
  return new ProxyRouter({ config: () => config, env: ownEnv })
}

function checkProxyFlag(url: string): void {
  try {
    proxyUrl(url)
  } catch (error) {
    if (error instanceof RequestFailure)
      throw new UsageError(`--proxy: ${error.message} ${error.hint}`)
    throw error
  }
}

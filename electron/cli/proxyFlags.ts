import { Option } from 'commander'
import { RequestFailure } from '../core/http/requestFailure'
import { ProxyRouter, proxyUrl } from '../core/http/proxy/proxyRouter'
import { UsageError } from './cliIo'

/** curl's proxy options, as commander hands them over. */
export interface ProxyFlags {
  proxy?: string
  noProxy?: string
}

/** `--proxy URL` and `--no-proxy LIST`, spelt as curl spells them. */
export function proxyOptions(): Option[] {
  const proxy = new Option(
    '--proxy <url>',
    'send through this proxy: http://, https://, socks4:// or socks5://host:port, user:password@ if it needs them (default: HTTP_PROXY, HTTPS_PROXY, ALL_PROXY)',
  )
  const noProxy = new Option(
    '--no-proxy <list>',
    'hosts reached without the proxy, comma-separated: example.com, .corp.example, 10.0.0.0/8, * for all (default: NO_PROXY)',
  )
  // Commander reads any --no-<name> as the negation of --<name>: this one takes a value.
  noProxy.negate = false
  return [proxy, noProxy]
}

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

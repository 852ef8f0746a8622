import type { ProxyMode } from '../../../../shared/model/proxySettings'
import { RequestFailure } from '../requestFailure'
import { bypassesProxy } from './noProxy'
import { routesOf } from './pacAnswer'
import { PacFiles } from './pacFile'

/**
 * Answers which proxy a URL goes through, in PAC form ("DIRECT", "PROXY host:port; ...").
 * The app's system proxy is Electron's `session.resolveProxy` behind this seam
 * (electron/main/adapters/electronProxyResolver.ts); a PAC file is another one.
 */
export interface ProxyResolver {
  resolveProxy(url: string): Promise<string>
}

/** What the router needs to know, read at every request so a settings change applies at once. */
export interface ProxyConfig {
  mode: ProxyMode
  /** manual: the proxy URL, credentials included. */
  url: string
  pacUrl: string
  /** Hosts that bypass the proxy in every mode (NO_PROXY's syntax). */
  noProxy: string
}

export interface ProxyRouterDeps {
  config: () => ProxyConfig
  /** The environment HTTP_PROXY and friends are read from (process.env by default). */
  env?: Readonly<Record<string, string | undefined>>
  /** The OS proxy settings; absent outside Electron, where `system` reads the environment. */
  system?: ProxyResolver
}

/** Chooses the proxy of each request (or none) from the settings. */
export class ProxyRouter {
  private readonly pacFiles = new PacFiles()
  /**
   * The environment's proxy variables, read once: each read of process.env is a call into
   * Node, and the environment was read six times for every request of a run.
   */
  private readonly env: Readonly<Record<string, string>>

  private readonly environmentHasProxy: boolean

  constructor(private readonly deps: ProxyRouterDeps) {
    this.env = proxyVariables(deps.env ?? process.env)
    const { http_proxy, https_proxy, all_proxy } = this.env
    this.environmentHasProxy = [http_proxy, https_proxy, all_proxy].some((v) => v?.trim())
  }

  /** The proxy for `target`, null to go straight to it. */
  async proxyFor(target: string): Promise<URL | null> {
    return (await this.routesFor(target))[0] ?? null
  }

  /**
   * Where `target` may go, in order: a proxy, or null for straight to it. Only a PAC
   * file or the system may answer more than one ("PROXY a:1; PROXY b:2; DIRECT").
   */
  async routesFor(target: string): Promise<(URL | null)[]> {
    const config = this.deps.config()
    // What the environment names, where it is read: with no proxy in it (nearly always),
    // every request goes direct, and its URL need not be parsed again.
    const fromEnvironment =
      config.mode === 'environment' || (config.mode === 'system' && !this.deps.system)
    if (config.mode === 'none' || (fromEnvironment && !this.environmentHasProxy)) return [null]
    const url = new URL(target)
    if (bypassesProxy(url, config.noProxy)) return [null]
    switch (config.mode) {
      case 'manual':
        return [config.url.trim() === '' ? null : proxyUrl(config.url)]
      case 'pac':
        if (config.pacUrl.trim() === '') return [null]
        return routesOf(await this.pacFiles.resolverFor(config.pacUrl.trim()).resolveProxy(target))
      case 'system':
        if (this.deps.system) return routesOf(await this.deps.system.resolveProxy(target))
        return [environmentProxy(url, this.env)]
      default:
        return [environmentProxy(url, this.env)]
    }
  }
}

/**
 * The variables that name proxies, each by its lower-case name: `http_proxy` for http,
 * `https_proxy` for https, `all_proxy` for either, lower case first then upper case, as
 * curl reads them; `no_proxy` / `NO_PROXY` lists the hosts that go direct.
 */
function proxyVariables(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<Record<string, string>> {
  const names = ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy']
  return Object.fromEntries(names.map((n) => [n, env[n] || env[n.toUpperCase()] || '']))
}

/** The proxy the environment (its proxyVariables) names for a URL. */
function environmentProxy(target: URL, env: Readonly<Record<string, string>>): URL | null {
  const noProxy = env.no_proxy ?? ''
  if (noProxy !== '' && bypassesProxy(target, noProxy)) return null
  const value = env[`${target.protocol.slice(0, -1)}_proxy`] || env.all_proxy
  return !value || value.trim() === '' ? null : proxyUrl(value)
}

/** Schemes a proxy URL may have. */
export const PROXY_SCHEMES = [
  'http:',
  'https:',
  'socks:',
  'socks4:',
  'socks4a:',
  'socks5:',
  'socks5h:',
]

/** A proxy URL; `host:port` without a scheme means an HTTP proxy, as curl reads it. */
export function proxyUrl(value: string): URL {
  const text = value.trim()
  let url: URL | null = null
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`)
  } catch {
    // Worded below.
  }
  if (!url || !PROXY_SCHEMES.includes(url.protocol) || url.hostname === '') {
    // The text may hold a password: show only what precedes it.
    const shown = text.replace(/\/\/[^@/]*@/, '//***@')
    throw new RequestFailure(
      'PROXY',
      `The proxy "${shown}" is not a valid proxy URL.`,
      'Write it as http://host:port, https://host:port, socks4://host:port or socks5://host:port (user:password@ before the host if it needs them).',
      'PROXY_URL',
    )
  }
  return url
}

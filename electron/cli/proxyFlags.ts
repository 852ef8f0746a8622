import { Option } from 'commander'

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

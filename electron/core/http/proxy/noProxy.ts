import { BlockList, isIP } from 'node:net'

/**
 * A no-proxy list as curl and most tools read NO_PROXY: entries separated by commas or
 * spaces; `*` bypasses every host; `example.com` and `.example.com` match the host and
 * its subdomains; an IP address or CIDR block (`10.0.0.0/8`) matches addresses; an entry
 * with `:port` matches that port only.
 */
export function bypassesProxy(target: URL, list: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  for (const raw of list.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    const { name, entryPort } = splitEntry(entry)
    if (entryPort !== null && entryPort !== port) continue
    if (matchesHost(host, name)) return true
  }
  return false
}

function splitEntry(entry: string): { name: string; entryPort: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] ?? null }
  // An IPv6 address has colons of its own: only `name:port` with one colon has a port.
  const parts = entry.split(':')
  if (parts.length === 2 && /^\d+$/.test(parts[1]!))
    return { name: parts[0]!, entryPort: parts[1]! }
  return { name: entry, entryPort: null }
}

function matchesHost(host: string, name: string): boolean {
  const slash = name.indexOf('/')
  if (slash > 0 && isIP(host))
    return inBlock(host, name.slice(0, slash), Number(name.slice(slash + 1)))
  if (isIP(name)) return isIP(host) !== 0 && sameAddress(host, name)
  const domain = name.replace(/^\*?\./, '')
  return host === domain || host.endsWith(`.${domain}`)
}

function inBlock(host: string, network: string, prefix: number): boolean {
  const family = isIP(network) === 6 ? 'ipv6' : 'ipv4'
  if (isIP(network) === 0 || !Number.isInteger(prefix)) return false
  const block = new BlockList()
  try {
    block.addSubnet(network, prefix, family)
  } catch {
    return false
  }
  return block.check(host, isIP(host) === 6 ? 'ipv6' : 'ipv4')
}

function sameAddress(a: string, b: string): boolean {
  if (isIP(a) !== isIP(b)) return false
  const block = new BlockList()
  block.addAddress(b, isIP(b) === 6 ? 'ipv6' : 'ipv4')
  return block.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4')
}

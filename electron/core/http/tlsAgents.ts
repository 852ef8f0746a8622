import { rootCertificates } from 'node:tls'
import type https from 'node:https'
import type { ConnectionOptions } from 'node:tls'
import type { ClientCertMaterial, TlsMaterial } from './tlsMaterial'
import { createTimedHttpsAgent, KEEP_ALIVE, type KeepAliveOptions } from './timedAgents'

/**
 * How well a host pattern fits a host and port: `host:port` beats `host`, which beats
 * `*.domain`, which beats `*`; 0 when it does not fit.
 */
export function patternScore(pattern: string, host: string, port: string): number {
  const p = pattern.trim().toLowerCase()
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  if (p === '*') return 1
  const colon = p.lastIndexOf(':')
  const hasPort = colon > 0 && /^\d+$/.test(p.slice(colon + 1)) && !p.startsWith('[')
  const patternHost = (hasPort ? p.slice(0, colon) : p).replace(/^\[|\]$/g, '')
  if (hasPort && p.slice(colon + 1) !== port) return 0
  const bonus = hasPort ? 1 : 0
  if (patternHost === h) return 4 + bonus
  if (patternHost.startsWith('*.') && h.endsWith(patternHost.slice(1))) return 2 + bonus
  return 0
}

/** The client certificate whose host pattern fits best, or null. */
export function clientCertFor(
  certs: readonly ClientCertMaterial[],
  host: string,
  port: string,
): ClientCertMaterial | null {
  let best: ClientCertMaterial | null = null
  let bestScore = 0
  for (const cert of certs) {
    const score = patternScore(cert.host, host, port)
    if (score > bestScore) [best, bestScore] = [cert, score]
  }
  return best
}

/** The options that present a client certificate (none for null). */
export function clientCertOptions(cert: ClientCertMaterial | null): ConnectionOptions {
  return {
    ...(cert?.cert !== undefined && { cert: cert.cert, key: cert.key }),
    ...(cert?.pfx !== undefined && { pfx: cert.pfx }),
    ...(cert?.passphrase !== undefined && { passphrase: cert.passphrase }),
  }
}

/**
 * The engine's HTTPS agents for non-default TLS settings, one per combination of
 * verification and client certificate: sockets made with one certificate are never
 * reused for a request that should present another (or none).
 */
export class TlsAgents {
  private readonly agents = new Map<string, https.Agent>()
  /** Node's default roots plus the extra CAs: extra CAs add trust, never replace it. */
  readonly ca: string[]

  constructor(
    private readonly material: TlsMaterial,
    private readonly keepAlive: KeepAliveOptions = KEEP_ALIVE,
  ) {
    this.ca = [...rootCertificates, ...material.ca]
  }

  /** The agent for a request to `host:port`. */
  agentFor(host: string, port: string, verify: boolean): https.Agent {
    const cert = clientCertFor(this.material.clientCerts, host, port)
    const index = cert ? this.material.clientCerts.indexOf(cert) : -1
    const key = `${verify ? 'verify' : 'insecure'}|${index}`
    let agent = this.agents.get(key)
    if (!agent) {
      agent = createTimedHttpsAgent(
        {
          rejectUnauthorized: verify,
          ca: this.ca,
          minVersion: this.material.minVersion,
          ...clientCertOptions(cert),
        },
        this.keepAlive,
      )
      this.agents.set(key, agent)
    }
    return agent
  }

  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy()
    this.agents.clear()
  }
}

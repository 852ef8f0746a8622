import type { DetailedPeerCertificate, TLSSocket } from 'node:tls'
import type { PeerCertificate, TlsConnection } from '../../../shared/model/tls'

type NameFields = Record<string, string | string[] | undefined>

/** "CN=localhost, O=Example" from Node's parsed subject or issuer. */
function distinguishedName(fields: NameFields | undefined): string {
  if (!fields) return ''
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ')
}

function toPeerCertificate(cert: DetailedPeerCertificate): PeerCertificate {
  return {
    subject: distinguishedName(cert.subject as unknown as NameFields),
    issuer: distinguishedName(cert.issuer as unknown as NameFields),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    fingerprint256: cert.fingerprint256,
  }
}

/** The chain, the server's certificate first; Node links a self-signed root to itself. */
function chainOf(leaf: DetailedPeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = []
  const seen = new Set<string>()
  let cert: DetailedPeerCertificate | undefined = leaf
  while (cert && cert.fingerprint256 && !seen.has(cert.fingerprint256) && chain.length < 10) {
    seen.add(cert.fingerprint256)
    chain.push(toPeerCertificate(cert))
    cert = cert.issuerCertificate
  }
  return chain
}

/**
 * What the TLS handshake of a response's socket settled on; undefined for plain HTTP.
 * Read from the socket itself, so a kept-alive socket reports its original handshake.
 */
export function tlsConnectionOf(socket: unknown): TlsConnection | undefined {
  const tls = socket as Partial<TLSSocket> | null | undefined
  if (!tls || typeof tls.getPeerCertificate !== 'function' || !tls.encrypted) return undefined
  const leaf = tls.getPeerCertificate(true)
  const cipher = tls.getCipher?.()
  const error = tls.authorizationError as unknown
  return {
    protocol: tls.getProtocol?.() ?? '',
    cipher: cipher?.standardName ?? cipher?.name ?? '',
    chain: leaf && Object.keys(leaf).length > 0 ? chainOf(leaf) : [],
    authorized: tls.authorized === true,
    ...(error ? { authorizationError: String(error) } : {}),
  }
}

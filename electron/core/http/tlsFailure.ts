import { RequestFailure } from './requestFailure'

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'presented a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN:
    'presented a certificate chain with a self-signed root that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'presented a certificate that cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'presented a certificate from an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'presented a certificate from an unknown authority',
  CERT_HAS_EXPIRED: 'presented an expired certificate',
  CERT_NOT_YET_VALID: 'presented a certificate that is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'presented a certificate issued for another host name',
  CERT_REVOKED: 'presented a revoked certificate',
}

/** Codes of a chain Courier does not trust: a private CA added in Settings would fix them. */
export const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
])

const VERIFY_HINT =
  'If you trust this server (a local or test server), turn off TLS verification in the request Settings (--insecure on the command line).'
const CA_HINT =
  'If the server uses a private certificate authority, add its CA certificate under Settings → TLS (--cacert FILE on the command line). ' +
  VERIFY_HINT

/**
 * A TLS failure as a tester reads it, or null when the error is not about TLS. Node
 * reports a server's alerts (client certificate wanted, no common version) as EPROTO
 * with OpenSSL's wording, so those are told apart by the message.
 */
export function tlsFailure(code: string, raw: string, target: string): RequestFailure | null {
  const failed = `The TLS connection to ${target} failed:`
  if (
    code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' ||
    ((code.startsWith('ERR_SSL') || code === 'EPROTO') &&
      /alert handshake failure|certificate required/i.test(raw))
  ) {
    return new RequestFailure(
      'TLS',
      `${failed} the server requires a client certificate and none was sent.`,
      'Add a client certificate for this host under Settings → TLS (--cert FILE --key FILE, or --pfx FILE, on the command line).',
      code,
    )
  }
  if (/alert (bad certificate|unknown ca|certificate unknown|decrypt error)/i.test(raw)) {
    return new RequestFailure(
      'TLS',
      `${failed} the server refused the client certificate that was sent.`,
      'Check that the client certificate for this host (Settings → TLS, or --cert / --pfx) is the one the server expects and has not expired.',
      code,
    )
  }
  if (
    /protocol version|unsupported protocol|no protocols available|wrong version number/i.test(raw)
  ) {
    return new RequestFailure(
      'TLS',
      `${failed} the server and Courier have no TLS version in common.`,
      'The server may only speak a TLS version older than the minimum set under Settings → TLS; lower it only if you must talk to this server.',
      code,
    )
  }
  const known = Object.hasOwn(TLS_CODES, code) ? TLS_CODES[code] : undefined
  if (known || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO') {
    return new RequestFailure(
      'TLS',
      `${failed} the server ${known ?? `broke the handshake (${code})`}.`,
      UNTRUSTED.has(code) ? CA_HINT : VERIFY_HINT,
      code,
    )
  }
  return null
}

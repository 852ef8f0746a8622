import { createServer } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { listen, type RunningServer } from './listen'
import { pem, type TestPki } from './tlsPki'

export interface MtlsServerOptions {
  /** Refuse clients without a certificate signed by the test CA (default true). */
  requireClientCert?: boolean
  /** Cap the server's TLS version, to prove a client's minimum is enforced. */
  maxVersion?: 'TLSv1.2' | 'TLSv1.3'
}

/**
 * HTTPS on 127.0.0.1 with the test PKI's server certificate (signed by its private CA).
 * By default it demands a client certificate from that CA; answers
 * `{"client": "<CN of the client certificate>"}`.
 */
export function startMtlsServer(
  pki: TestPki,
  options: MtlsServerOptions = {},
): Promise<RunningServer> {
  const require = options.requireClientCert ?? true
  const server = createServer(
    {
      key: pem(pki.serverKey),
      cert: pem(pki.serverCert),
      ca: pem(pki.caCert),
      requestCert: require,
      rejectUnauthorized: require,
      ...(options.maxVersion && { maxVersion: options.maxVersion }),
    },
    (req, res) => {
      req.resume()
      const peer = (req.socket as TLSSocket).getPeerCertificate()
      const client = peer && 'subject' in peer ? (peer.subject?.CN ?? null) : null
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ client }))
    },
  )
  return listen(server, '127.0.0.1', 'https')
}

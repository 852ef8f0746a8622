import { createServer, request as httpRequest, type RequestListener } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { connect, type Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { listen, type RunningServer } from './listen'

/** What went through the proxy: one entry per request or tunnel. */
export interface ProxiedRequest {
  /** `GET http://host:port/path` for a forwarded request, `CONNECT host:port` for a tunnel. */
  line: string
  /** The Proxy-Authorization header as it arrived ('' when absent). */
  proxyAuthorization: string
}

export interface RunningProxy extends RunningServer {
  /** Every request forwarded and every tunnel asked for, in order (407s included). */
  requests: ProxiedRequest[]
  /** TCP connections clients opened to the proxy (keep-alive keeps this low). */
  connections(): number
  /** TLS proxy asking for certificates: the CN each client presented, null for none. */
  clientCerts: (string | null)[]
}

export interface ProxyServerOptions {
  /** `user:pass`: anything else gets 407 with Proxy-Authenticate. */
  credentials?: string
  /** Answer every CONNECT with this status instead of opening the tunnel. */
  refuseConnect?: number
  /**
   * Speak TLS to clients with this PEM certificate and key: an `https://` proxy. With
   * `ca`, it asks clients for a certificate (not requiring one) and records who sent one.
   */
  tls?: { cert: string; key: string; ca?: string }
}

/**
 * A real HTTP forward proxy on 127.0.0.1: forwards absolute-URI requests (`GET http://...`)
 * and opens CONNECT tunnels, recording each. Keeps client connections alive. With `tls`
 * clients speak TLS to the proxy itself (an `https://` proxy URL).
 */
export async function startProxyServer(options: ProxyServerOptions = {}): Promise<RunningProxy> {
  const requests: ProxiedRequest[] = []
  let connections = 0
  const expected = options.credentials
    ? `Basic ${Buffer.from(options.credentials).toString('base64')}`
    : null
  const authorized = (header: string | undefined) => expected === null || header === expected

  const forward: RequestListener = (req, res) => {
    const auth = req.headers['proxy-authorization'] ?? ''
    requests.push({ line: `${req.method} ${req.url}`, proxyAuthorization: auth })
    if (!authorized(auth)) {
      req.resume()
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test proxy"' }).end()
      return
    }
    const target = new URL(req.url ?? '')
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...headers, via: '1.1 test-proxy' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end('bad gateway'))
    req.pipe(upstream)
  }
  const clientCerts: (string | null)[] = []
  const asks = options.tls?.ca !== undefined
  const server = options.tls
    ? createTlsServer({ ...options.tls, requestCert: asks, rejectUnauthorized: false }, forward)
    : createServer(forward)
  // TLS connections are counted once their handshake is done (as the client sees them).
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    connections++
    const cn = asks ? (socket as TLSSocket).getPeerCertificate().subject?.CN : undefined
    if (asks) clientCerts.push(typeof cn === 'string' ? cn : null)
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'] ?? ''
    requests.push({ line: `CONNECT ${req.url}`, proxyAuthorization: auth })
    if (!authorized(auth)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\n' +
          'Proxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    if (options.refuseConnect) {
      client.end(`HTTP/1.1 ${options.refuseConnect} Refused\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    const [host, port] = splitHostPort(req.url ?? '')
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  const running = await listen(server, '127.0.0.1', options.tls ? 'https' : 'http')
  return { ...running, requests, connections: () => connections, clientCerts }
}

function splitHostPort(authority: string): [string, number] {
  const at = authority.lastIndexOf(':')
  return [authority.slice(0, at).replace(/^\[|\]$/g, ''), Number(authority.slice(at + 1))]
}

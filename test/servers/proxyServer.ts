import { createServer, request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'
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
}

export interface ProxyServerOptions {
  /** `user:pass`: anything else gets 407 with Proxy-Authenticate. */
  credentials?: string
  /** Answer every CONNECT with this status instead of opening the tunnel. */
  refuseConnect?: number
}

/**
 * A real HTTP forward proxy on 127.0.0.1: forwards absolute-URI requests (`GET http://...`)
 * and opens CONNECT tunnels, recording each. Keeps client connections alive.
 */
export async function startProxyServer(options: ProxyServerOptions = {}): Promise<RunningProxy> {
  const requests: ProxiedRequest[] = []
  let connections = 0
  const expected = options.credentials
    ? `Basic ${Buffer.from(options.credentials).toString('base64')}`
    : null
  const authorized = (header: string | undefined) => expected === null || header === expected

  const server = createServer((req, res) => {
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
  })
  server.on('connection', () => connections++)
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
  const running = await listen(server)
  return { ...running, requests, connections: () => connections }
}

function splitHostPort(authority: string): [string, number] {
  const at = authority.lastIndexOf(':')
  return [authority.slice(0, at).replace(/^\[|\]$/g, ''), Number(authority.slice(at + 1))]
}

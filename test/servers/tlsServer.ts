import { readFileSync } from 'node:fs'
import { createServer } from 'node:https'
import { fileURLToPath } from 'node:url'
import { listen, type RunningServer } from './listen'

const fixtures = fileURLToPath(new URL('../fixtures/tls/', import.meta.url))

/** HTTPS with the self-signed fixture certificate (CN localhost); answers `{"secure":true}`. */
export function startTlsServer(): Promise<RunningServer> {
  const server = createServer(
    {
      key: readFileSync(`${fixtures}self-signed.key.pem`),
      cert: readFileSync(`${fixtures}self-signed.cert.pem`),
    },
    (req, res) => {
      req.resume()
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"secure":true}')
    },
  )
  return listen(server, '127.0.0.1', 'https')
}

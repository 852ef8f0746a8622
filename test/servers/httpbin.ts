import { tmpdir } from 'node:os'
import { startChildServer } from './childServer'
import { freePort } from './freePort'
import type { RunningServer } from './listen'

/**
 * Debian's python3-httpbin on a free loopback port. It is run as a module from a neutral
 * directory: httpbin/core.py uses relative imports, and a checkout folder named `httpbin`
 * in the cwd would shadow the package.
 */
export async function startHttpbin(): Promise<RunningServer> {
  const host = '127.0.0.1'
  const port = await freePort(host)
  return startChildServer(
    'httpbin (apt install python3-httpbin)',
    '/usr/bin/python3',
    ['-m', 'httpbin.core', '--port', String(port), '--host', host],
    host,
    port,
    tmpdir(),
  )
}

import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startChildServer } from './childServer'
import { freePort } from './freePort'
import type { RunningServer } from './listen'

/** The seed data: one user the PUT/PATCH scenario rewrites. */
export const SEED_DB = {
  users: [{ id: '1', name: 'John Doe', email: 'john@example.com', age: 40 }],
}

/** json-server (npm) on a free loopback port over a fresh copy of `seed` in a temp dir. */
export async function startJsonServer(
  seed: object = SEED_DB,
): Promise<RunningServer & { dbPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'courier-json-server-'))
  const dbPath = join(dir, 'db.json')
  writeFileSync(dbPath, JSON.stringify(seed, null, 2))
  const require = createRequire(import.meta.url)
  const bin = join(dirname(require.resolve('json-server/package.json')), 'lib', 'bin.js')
  const host = '127.0.0.1'
  const port = await freePort(host)
  const server = await startChildServer(
    'json-server',
    process.execPath,
    [bin, dbPath, '--port', String(port), '--host', host],
    host,
    port,
    dir,
  )
  return { ...server, dbPath }
}

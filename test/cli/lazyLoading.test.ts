import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, type RunningServer } from '../servers/listen'
import { createServer } from 'node:http'
import { tempDir } from './runCourier'

const run = promisify(execFile)
const bin = resolve('bin/courier.mjs')
let server: RunningServer
let dataDir: string

/**
 * What one run of the built `courier` loaded: Node's own module debug log (NODE_DEBUG
 * module,esm) names every file of out/node and every package of node_modules it reads.
 */
async function loadedBy(args: string[]): Promise<{ chunks: string[]; packages: string[] }> {
  const env = { ...process.env, NODE_DEBUG: 'module,esm', COURIER_DATA_DIR: dataDir }
  const { stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 30_000 }).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  )
  const unique = (re: RegExp) => [...new Set([...stderr.matchAll(re)].map((m) => m[1]!))].sort()
  return {
    chunks: unique(/out\/node\/([A-Za-z]+)[-.]/g),
    packages: unique(/node_modules\/((?:@[^/\s'"]+\/)?[^/\s'"]+)/g),
  }
}

/** The packages that only some commands need (issue: loaded until a command asks for them). */
const HEAVY = [
  'libsql',
  'postman-collection',
  'httpsnippet',
  '@apidevtools/swagger-parser',
  'curlconverter',
  'ajv',
]

beforeAll(async () => {
  dataDir = tempDir('courier-cli-lazy-')
  server = await listen(createServer((_req, res) => res.end('{"ok":true}')))
})
afterAll(async () => {
  await server?.close()
})

describe('the built command line loads what a command needs, when it runs', () => {
  it('--help reads no package from node_modules and no command code', async () => {
    const loaded = await loadedBy(['--help'])
    expect(loaded.chunks).toContain('cli')
    expect(loaded.packages).toEqual([])
    expect(loaded.chunks.filter((c) => c.endsWith('Action'))).toEqual([])
  })

  it('send --no-history loads neither the history database, nor importers, nor code generators', async () => {
    const loaded = await loadedBy(['send', 'GET', `${server.url}/`, '--no-history'])
    expect(loaded.chunks).toContain('sendAction')
    expect(loaded.chunks).not.toContain('importAction')
    expect(loaded.chunks).not.toContain('codeAction')
    expect(loaded.chunks).not.toContain('recordSend')
    expect(loaded.packages.filter((p) => HEAVY.includes(p))).toEqual([])
  })

  it('send loads the history database to record, and import loads the importers (the probe sees them)', async () => {
    expect((await loadedBy(['send', 'GET', `${server.url}/`])).packages).toContain('libsql')
    const collection = join(dataDir, 'collection.json')
    writeFileSync(
      collection,
      JSON.stringify({
        info: {
          name: 'C',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [{ name: 'R', request: { method: 'GET', url: 'http://h/' } }],
      }),
    )
    const imported = await loadedBy(['import', collection, '--into', join(dataDir, 'ws')])
    expect(imported.chunks).toContain('importAction')
    expect(imported.packages).toContain('postman-collection')
  })

  it('run loads the Postman reader and the reporters, not the other importers nor the history database', async () => {
    const collection = join(dataDir, 'run.json')
    writeFileSync(
      collection,
      JSON.stringify({
        info: {
          name: 'C',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [{ name: 'R', request: { method: 'GET', url: `${server.url}/` } }],
      }),
    )
    const loaded = await loadedBy(['run', collection, '--silent'])
    expect(loaded.chunks).toContain('runAction')
    expect(loaded.packages).toContain('postman-collection')
    expect(loaded.packages.filter((p) => HEAVY.includes(p) && p !== 'postman-collection')).toEqual(
      [],
    )
  })
})

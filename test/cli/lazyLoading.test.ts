import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
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
let probe: string

/**
 * What one run of the built `courier` loaded: Node's own module debug log (NODE_DEBUG
 * module,esm) names every file of out/node and every package of node_modules it reads.
 * Packages bundled into out/node are found by a text only their code holds (BUNDLED), in
 * the chunks loaded; Node's own lazily loaded internals (undici, behind `fetch` and
 * `FormData`) are read from process.moduleLoadList at exit, printed by a preloaded probe.
 */
async function loadedBy(
  args: string[],
): Promise<{ chunks: string[]; packages: string[]; internals: string[] }> {
  const env = { ...process.env, NODE_DEBUG: 'module,esm', COURIER_DATA_DIR: dataDir }
  const { stderr } = await run(process.execPath, ['--require', probe, bin, ...args], {
    env,
    timeout: 30_000,
  }).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }))
  const unique = (re: RegExp) => [...new Set([...stderr.matchAll(re)].map((m) => m[1]!))].sort()
  const chunkFiles = unique(/out\/node\/([A-Za-z]+-[A-Z0-9]+\.js)/g)
  const bundled = Object.entries(BUNDLED)
    .filter(([, marker]) =>
      chunkFiles.some((f) => readFileSync(resolve('out/node', f), 'utf8').includes(marker)),
    )
    .map(([name]) => name)
  return {
    chunks: unique(/out\/node\/([A-Za-z]+)[-.]/g),
    packages: [
      ...new Set([...unique(/node_modules\/((?:@[^/\s'"]+\/)?[^/\s'"]+)/g), ...bundled]),
    ].sort(),
    internals: unique(/courier-probe internal: (\S+)/g),
  }
}

/** Packages bundled into out/node, and a text found only in their code. */
const BUNDLED: Record<string, string> = { 'postman-collection': '_postman_propertyName' }

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
  probe = join(dataDir, 'probe.cjs')
  writeFileSync(
    probe,
    `process.on('exit', () => { for (const m of process.moduleLoadList) if (m.includes('undici')) process.stderr.write('courier-probe internal: ' + m.split(' ').pop() + '\\n') })`,
  )
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
    // Neither faker (postman-collection's {{$random}} values: Courier makes its own) nor
    // undici (Node's fetch and FormData, which axios reads at load): ~100 ms of start-up.
    expect(loaded.packages).not.toContain('@faker-js/faker')
    expect(loaded.internals).toEqual([])
  })
})

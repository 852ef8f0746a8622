import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/core/storage/openConfStore'

const WRITER = fileURLToPath(new URL('./fixtures/confWriter.ts', import.meta.url))
const WRITES = 150

function writer(dataDir: string, prefix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, dataDir, prefix, String(WRITES)],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', reject)
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer ${prefix} failed: ${stderr}`)),
    )
  })
}

describe('config.json shared by several processes', () => {
  it('loses no update when two processes write it at the same time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-conf-'))
    // Without the lock each process reads the file, sets its key and writes the whole
    // file back, dropping the keys the other wrote in between.
    await Promise.all([writer(dataDir, 'app'), writer(dataDir, 'cli')])
    const store = openConfStore(dataDir)
    const missing: string[] = []
    for (const prefix of ['app', 'cli'])
      for (let i = 0; i < WRITES; i++)
        if (store.get(`${prefix}${i}`) !== i) missing.push(`${prefix}${i}`)
    expect(missing).toEqual([])
  })

  it('takes over the lock of a process that died holding it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-conf-'))
    const store = openConfStore(dataDir)
    // A lock folder whose mtime is older than the stale limit: its holder is gone.
    mkdirSync(`${store.path}.lock`)
    const old = new Date(Date.now() - 60_000)
    utimesSync(`${store.path}.lock`, old, old)
    store.set('after', 1)
    expect(store.get('after')).toBe(1)
  })
})

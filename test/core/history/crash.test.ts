import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { openStore, tempDataDir } from './helpers'

const WRITER = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url))
const ROUNDS = 16

/** Runs the writer until it has acknowledged `acks` entries, SIGKILLs it, and returns every id it printed. */
function writeThenKill(dataDir: string, acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const ids: number[] = []
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      ids.push(Number(line))
      if (ids.length === acks) child.kill('SIGKILL')
    })
    child.once('error', reject)
    // 'close' comes once the process is gone and its output read to the end: lines printed
    // just before the kill count too.
    child.once('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(ids)
      else reject(new Error(`the writer ended by itself (${code}): ${stderr}`))
    })
  })
}

describe('a writer killed mid-append', () => {
  it(`loses no acknowledged entry and leaves a sound database, ${ROUNDS} kills in a row`, async () => {
    const dataDir = tempDataDir()
    const acknowledged: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const acks = 5 + ((round * 17) % 46) // 5..50, spread over the rounds
      const ids = await writeThenKill(dataDir, acks)
      expect(ids.length).toBeGreaterThanOrEqual(acks)
      acknowledged.push(...ids)
    }
    const { store, notices } = openStore(dataDir)
    expect(notices).toEqual([])
    for (const id of acknowledged) expect(store.get(id).id).toBe(id)
    expect(store.list({ text: 'pad' }).entries.length).toBeGreaterThan(0)
    store.close()
    const db = new Sqlite(`${dataDir}/history.db`)
    expect(db.scalar('PRAGMA integrity_check')).toBe('ok')
    for (const { name } of db.all<{ name: string }>('SELECT name FROM search_shards')) {
      db.exec(`INSERT INTO ${name}(${name}, rank) VALUES ('integrity-check', 0)`)
    }
    db.close()
  })
})

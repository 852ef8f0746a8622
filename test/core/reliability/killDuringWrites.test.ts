import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { seededRandom } from '../../seededRandom'

/**
 * kill -9 at random points while history entries are appended and a workspace file is
 * saved, then an integrity check before the next start: every acknowledged write is
 * there, the database is sound, the file is whole (the last acknowledged save or the one
 * in flight, never torn). COURIER_KILLS sets how many kills (split over two lanes, one per
 * core); the default (100) keeps the test near 30 s on a busy 2-core machine; 1,000 took ~6 min there (docs/development.md).
 */
const KILLS = Number(process.env.COURIER_KILLS ?? 100)
const LANES = 2
const repo = fileURLToPath(new URL('../../../', import.meta.url))
// Inside node_modules so the bundle finds libsql (a native module, left out of it).
const BUNDLES = join(repo, 'node_modules/.cache/courier-reliability')
const CHILD = join(BUNDLES, 'crashChild.mjs')

beforeAll(async () => {
  mkdirSync(BUNDLES, { recursive: true })
  await build({
    entryPoints: {
      crashChild: fileURLToPath(new URL('./fixtures/crashChild.ts', import.meta.url)),
      // The history writer thread the child appends through, beside it.
      historyWriterWorker: join(repo, 'electron/core/history/historyWriterWorker.ts'),
    },
    outdir: BUNDLES,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['libsql'],
    logLevel: 'warning',
  })
})

interface Acks {
  entries: number[]
  lastSave: number | null
}

/**
 * Starts the child and SIGKILLs it once it has acknowledged `after` writes (0: as soon as
 * it is ready, mid-open of the database). Lines printed just before the kill count too:
 * 'close' comes after the output is read to its end.
 */
function runAndKill(dataDir: string, file: string, firstSeq: number, after: number) {
  return new Promise<Acks>((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, file, String(firstSeq)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acks: Acks = { entries: [], lastSave: null }
    let seen = 0
    let stderr = ''
    let rest = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      const lines = (rest + d.toString()).split('\n')
      rest = lines.pop()!
      for (const line of lines) {
        const [kind, value] = line.split(' ')
        if (kind === 'h') acks.entries.push(Number(value))
        if (kind === 'w') acks.lastSave = Number(value)
        if (kind !== 'ready') seen++
        if (seen >= after) child.kill('SIGKILL')
      }
    })
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks)
      else reject(new Error(`the child ended by itself (${code}): ${stderr}`))
    })
  })
}

/** One lane: its own data directory and workspace file, killed `kills` times in a row. */
async function lane(seed: number, kills: number) {
  const next = seededRandom(seed)
  const dir = mkdtempSync(join(tmpdir(), 'courier-kill-'))
  const dataDir = join(dir, 'data')
  const file = join(dir, 'ws', 'Order.request.json')
  mkdirSync(join(dir, 'ws'), { recursive: true })
  const acknowledged: number[] = []
  let lastSave = 0
  let checked = 0
  for (let kill = 0; kill < kills; kill++) {
    const acks = await runAndKill(dataDir, file, lastSave + 1, Math.floor(next() * 7))
    acknowledged.push(...acks.entries)
    if (acks.lastSave !== null) lastSave = acks.lastSave
    // The integrity check a restart would meet.
    const db = new Sqlite(join(dataDir, 'history.db'))
    try {
      expect(db.scalar('PRAGMA integrity_check')).toBe('ok')
      const fresh = acknowledged.slice(checked)
      if (fresh.length > 0) {
        const found = db.scalar(
          `SELECT count(*) FROM entries WHERE id IN (${fresh.map(() => '?').join(',')})`,
          fresh,
        )
        expect(found, `acknowledged entries ${fresh.join(', ')}`).toBe(fresh.length)
      }
      checked = acknowledged.length
    } finally {
      db.close()
    }
    if (lastSave > 0) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; pad: string }
      // Whole (it parses, its padding is the one of its seq) and never older than the last
      // acknowledged save; a newer one is a save that landed before its ack was read.
      expect(saved.seq).toBeGreaterThanOrEqual(lastSave)
      expect(saved.pad).toBe('x'.repeat((saved.seq * 7919) % 200_000))
      lastSave = saved.seq
    }
  }
  return { kills, entries: acknowledged.length, saves: lastSave }
}

describe('kill -9 during history appends and workspace saves', () => {
  it(
    `keeps every acknowledged write and a sound database over ${KILLS} kills`,
    async () => {
      const seed = Number(process.env.COURIER_KILL_SEED ?? Date.now() % 100_000)
      const started = performance.now()
      const perLane = Math.ceil(KILLS / LANES)
      const lanes = await Promise.all(
        Array.from({ length: LANES }, (_, i) => lane(seed + i, perLane)),
      )
      const total = lanes.reduce(
        (sum, l) => ({
          kills: sum.kills + l.kills,
          entries: sum.entries + l.entries,
          saves: sum.saves + l.saves,
        }),
        { kills: 0, entries: 0, saves: 0 },
      )
      // Figures for the report (not asserted: a busy machine is slower, not wrong).
      console.info(
        `kill test: seed ${seed}, ${total.kills} kills, ${total.entries} acknowledged entries, ${total.saves} acknowledged saves, ${Math.round(performance.now() - started)} ms`,
      )
      expect(total.kills).toBeGreaterThanOrEqual(KILLS)
      expect(total.entries).toBeGreaterThan(0)
      expect(total.saves).toBeGreaterThan(0)
    },
    // Generous: on a loaded machine a kill round has taken over 1 s.
    30_000 + KILLS * 3_000,
  )
})

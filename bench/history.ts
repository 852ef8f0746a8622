import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { HistoryStore } from '../electron/core/history/historyStore'
import { HistoryData } from './historyData'

/** 100,000; COURIER_BENCH_HISTORY_ENTRIES sets a smaller fill for a quick try. */
const TOTAL = Number(process.env.COURIER_BENCH_HISTORY_ENTRIES ?? 100_000)
const CHECKPOINTS = [TOTAL / 100, TOTAL / 10, TOTAL]
const BATCH = 250
const APPENDS_MEASURED = 300
const QUERIES_MEASURED = 50
const COLD_STARTS = 11
const run = promisify(execFile)

const round = (n: number) => Math.round(n * 1000) / 1000

/** Median and 99th percentile of timings, ms. */
function stats(samples: number[]): { medianMs: number; p99Ms: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { medianMs: round(at(0.5)), p99Ms: round(at(0.99)), n: sorted.length }
}

function time(times: number, task: () => void): number[] {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    task()
    samples.push(performance.now() - started)
  }
  return samples
}

const print = (line: object) => console.log(JSON.stringify({ bench: 'history', ...line }))

function diskBytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith('history.db'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0)
}

/**
 * Fills a fresh history with 100,000 entries (10% with 100 KB bodies, 1% with 1 MB) and
 * times single appends at 1k, 10k and 100k entries, full-text searches, the pane's first
 * page and the store's cold start (a fresh process: open + first page).
 */
export async function benchHistory(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-bench-history-'))
  const data = new HistoryData()
  let store = HistoryStore.open(dataDir, { notice: (m) => console.error(m) })
  let n = 0
  let fillMs = 0
  const appendMedians = new Map<number, number>()
  try {
    for (const checkpoint of CHECKPOINTS) {
      const started = performance.now()
      while (n < checkpoint) {
        const count = Math.min(BATCH, checkpoint - n)
        store.appendBatch(Array.from({ length: count }, (_, i) => data.entry(n + i)))
        n += count
      }
      fillMs += performance.now() - started
      // Real appends: one small entry per transaction, as a send makes.
      const inputs = Array.from({ length: APPENDS_MEASURED }, (_, i) => data.entry(n + i, 'small'))
      let i = 0
      const append = stats(time(APPENDS_MEASURED, () => store.append(inputs[i++]!)))
      n += APPENDS_MEASURED
      appendMedians.set(checkpoint, append.medianMs)
      print({ case: 'append', entries: checkpoint, ...append })
    }
    const ratio = appendMedians.get(TOTAL)! / appendMedians.get(CHECKPOINTS[0]!)!
    print({
      case: `append ratio ${TOTAL / 1000}k/${TOTAL / 100_000}k`,
      ratio: round(ratio),
      target: '< 1.5',
    })
    print({
      case: 'fill',
      entries: n,
      fillSeconds: Math.round(fillMs / 100) / 10,
      diskMB: Math.round(diskBytes(dataDir) / 1024 / 1024),
    })

    const searches: [string, Parameters<HistoryStore['list']>[0]][] = [
      ['a word in some bodies', { text: data.wordAt(17) }],
      ['a prefix while typing', { text: data.wordAt(99).slice(0, 4) }],
      ['a 3-letter prefix', { text: 'sta' }],
      ['a word in every entry', { text: 'json' }],
      ['two words', { text: `${data.wordAt(3)} shipped` }],
      ['one entry only (trace id)', { text: `t${TOTAL - 5000}` }],
      ['a header value', { text: 'rq-4242' }],
      ['a word and filters', { text: 'delivered', methods: ['POST'], statusClasses: ['4xx'] }],
      ['no match', { text: 'zzyzx' }],
    ]
    for (const [name, args] of searches) {
      let found = 0
      const samples = time(QUERIES_MEASURED, () => (found = store.list(args).entries.length))
      print({
        case: 'search',
        query: name,
        text: args?.text,
        found,
        ...stats(samples),
        target: '< 50 ms',
      })
    }
    const pages: [string, Parameters<HistoryStore['list']>[0]][] = [
      ['first page', {}],
      ['first page, host filter', { host: 'api7.example.com' }],
      [
        'first page, 5xx of a workspace',
        { statusClasses: ['5xx'], workspace: '/home/tester/auth' },
      ],
      ['first page, a date range', { from: Date.UTC(2025, 1, 1), to: Date.UTC(2025, 1, 8) }],
    ]
    for (const [name, args] of pages) {
      const samples = time(QUERIES_MEASURED, () => store.list({ limit: 100, ...args }))
      print({ case: 'page', query: name, ...stats(samples), target: '< 50 ms' })
    }
    let page = store.list({ limit: 100 })
    const deep = time(QUERIES_MEASURED, () => {
      page = page.next ? store.list({ limit: 100, before: page.next }) : store.list({ limit: 100 })
    })
    print({ case: 'page', query: 'next pages (keyset)', ...stats(deep) })

    store.close()
    const cold: number[] = []
    for (let i = 0; i < COLD_STARTS; i++) {
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        join(import.meta.dirname, 'historyColdStart.ts'),
        dataDir,
      ])
      cold.push(Number(stdout.trim()))
    }
    print({ case: 'cold start (fresh process: open + first page)', ...stats(cold) })
    store = HistoryStore.open(dataDir, { notice: (m) => console.error(m) })
  } finally {
    store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

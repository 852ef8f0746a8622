import { execFile } from 'node:child_process'
import { rmSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { HistoryPageArgs } from '../shared/model/history'
import { HistoryStore, type AppendInput } from '../electron/core/history/historyStore'
import { Sqlite } from '../electron/core/history/sqlite'
import { HistoryData } from './historyData'
import { filledHistory, type FilledHistory } from './historyFixture'
import { longestStall, type Stall } from './historyStall'
import { round, stats, time, type Stats } from './historyTiming'

/** 100,000 by default; COURIER_BENCH_HISTORY_ENTRIES=1000000 for the target size. */
const TOTAL = Number(process.env.COURIER_BENCH_HISTORY_ENTRIES ?? 100_000)
/** Every figure is also taken on a history this small, in the same run: the baseline. */
const BASELINE_ENTRIES = 1000
/** Runs per figure: its p99 is then the 3rd-slowest, not the slowest (one preemption). */
const RUNS = 200
const APPENDS_MEASURED = 200
const COLD_STARTS = 11
const BIG_APPENDS = 12
const BIG_BODY_BYTES = 10 * 1024 * 1024
const SEARCH_TARGET_MS = 50
const FIRST_PAGE_TARGET_MS = 5
const COLD_OPEN_TARGET_MS = 50
const STALL_TARGET_MS = 16
const run = promisify(execFile)

const print = (line: object) => console.log(JSON.stringify({ bench: 'history', ...line }))

/** The figure at TOTAL entries beside the same figure on the baseline history. */
function compared(measured: Stats, baseline: Stats, targetMs?: number): object {
  return {
    entries: TOTAL,
    ...measured,
    baseline: { entries: BASELINE_ENTRIES, ...baseline },
    ratioP99: round(measured.p99Ms / Math.max(baseline.p99Ms, 0.001)),
    ...(targetMs !== undefined && {
      targetP99Ms: targetMs,
      pass: measured.p99Ms < targetMs,
    }),
  }
}

type Query = { kind: string; args: Partial<HistoryPageArgs> }

/** Every kind of query the history pane makes, as a tester types or filters. */
function queryKinds(data: HistoryData): Query[] {
  const typed = data.wordAt(99)
  return [
    { kind: '1 letter (a header name in every entry)', args: { text: 'x' } },
    { kind: '1-letter prefix (of many words)', args: { text: 's' } },
    { kind: '2 letters (in every entry)', args: { text: 'rq' } },
    { kind: '2-letter prefix (of body words)', args: { text: 'ka' } },
    { kind: '2-letter prefix (no match)', args: { text: 'qz' } },
    { kind: '3-letter prefix (in every entry)', args: { text: 'sta' } },
    { kind: '3-letter prefix (some bodies)', args: { text: typed.slice(0, 3) } },
    { kind: '4-letter prefix while typing', args: { text: typed.slice(0, 4) } },
    { kind: 'a word in some bodies', args: { text: data.wordAt(17) } },
    { kind: 'a word in every entry', args: { text: 'json' } },
    { kind: 'two words', args: { text: `${data.wordAt(3)} shipped` } },
    { kind: 'a URL fragment', args: { text: 'api7.example.com/v1/orders' } },
    { kind: 'one old entry only (trace id)', args: { text: `t${Math.floor(TOTAL / 10)}` } },
    { kind: 'a header value', args: { text: 'rq-424' } },
    {
      kind: 'a word, a method and a status',
      args: { text: 'delivered', methods: ['POST'], statusClasses: ['4xx'] },
    },
    { kind: 'status and method filters', args: { methods: ['DELETE'], statusClasses: ['5xx'] } },
    { kind: 'no match', args: { text: 'zzyzx' } },
    { kind: 'first page, host filter', args: { host: 'api7.example.com' } },
    {
      kind: 'first page, a date range',
      args: { from: Date.UTC(2025, 1, 1), to: Date.UTC(2025, 1, 8) },
    },
  ]
}

function diskBytes(dataDir: string): number {
  return ['', '-wal'].reduce((n, suffix) => {
    try {
      return n + statSync(join(dataDir, `history.db${suffix}`)).size
    } catch {
      return n
    }
  }, 0)
}

/** Bytes per entry on disk, in all and for each part (list rows, bodies, search index). */
function sizeOnDisk(history: FilledHistory): object {
  const db = new Sqlite(join(history.dataDir, 'history.db'))
  try {
    const tables = db.all<{ name: string; bytes: number }>(
      'SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name',
    )
    const share = (test: (name: string) => boolean) =>
      Math.round(tables.filter((t) => test(t.name)).reduce((n, t) => n + t.bytes, 0) / TOTAL)
    return {
      bytesPerEntry: Math.round(diskBytes(history.dataDir) / history.entries),
      listRowsAndIndexes: share(
        (n) => n === 'entries' || (n.startsWith('entries_') && !n.startsWith('entries_fts')),
      ),
      parts: share(
        (n) => n.startsWith('entry_parts') || n.startsWith('sqlite_autoindex_entry_parts'),
      ),
      searchIndex: share((n) => n.startsWith('entries_fts')),
    }
  } finally {
    db.close()
  }
}

async function coldOpens(dataDir: string): Promise<Stats> {
  const samples: number[] = []
  for (let i = 0; i < COLD_STARTS; i++) {
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      join(import.meta.dirname, 'historyColdStart.ts'),
      dataDir,
    ])
    samples.push(Number(stdout.trim()))
  }
  return stats(samples)
}

/** The stall's p50/p99, and those of the thread's CPU time and wait for a core meanwhile. */
function stallStats(
  samples: Stall[],
): Stats & { threadCpu: Stats | null; threadWaitForCore: Stats | null } {
  const known = (values: (number | null)[]) =>
    values.every((v) => v !== null) ? stats(values as number[]) : null
  return {
    ...stats(samples.map((s) => s.longestMs)),
    threadCpu: known(samples.map((s) => s.threadCpuMs)),
    threadWaitForCore: known(samples.map((s) => s.threadWaitMs)),
  }
}

/**
 * The input with its response body as one flat string, as the engine hands it (decoded
 * from bytes); built by concatenation it would be flattened, a copy, at its first slice.
 */
function asDecoded(input: AppendInput): AppendInput {
  if (!input.result.ok) return input
  const body = Buffer.from(input.result.response.body).toString('utf8')
  return { ...input, result: { ...input.result, response: { ...input.result.response, body } } }
}

/**
 * Times each query kind, the first page, single appends and cold opens at TOTAL entries
 * and at BASELINE_ENTRIES in the same run; the size on disk; and how long a 10 MB append
 * keeps the event loop from turning.
 */
export async function benchHistory(): Promise<void> {
  const data = new HistoryData()
  const full = filledHistory(TOTAL, data)
  const small = filledHistory(BASELINE_ENTRIES, data)
  print({ case: 'fill', entries: TOTAL, fillSeconds: full.fillSeconds ?? 'cached' })
  print({ case: 'size on disk', entries: TOTAL, ...sizeOnDisk(full) })
  const coldFull = await coldOpens(full.dataDir)
  const coldSmall = await coldOpens(small.dataDir)
  print({ case: 'cold open + first page', ...compared(coldFull, coldSmall, COLD_OPEN_TARGET_MS) })

  const stores = [full, small].map((h) =>
    HistoryStore.open(h.dataDir, { notice: (m) => console.error(m) }),
  )
  const [store, baseline] = stores as [HistoryStore, HistoryStore]
  try {
    const firstPage = (s: HistoryStore) => time(RUNS, () => s.list({ limit: 100 }))
    print({
      case: 'first page',
      ...compared(firstPage(store), firstPage(baseline), FIRST_PAGE_TARGET_MS),
    })
    for (const { kind, args } of queryKinds(data)) {
      let found = 0
      const measure = (s: HistoryStore) =>
        time(RUNS, () => (found = s.list({ limit: 100, ...args }).entries.length))
      const onBaseline = measure(baseline)
      const measured = measure(store)
      print({
        case: 'search',
        kind,
        args,
        found,
        ...compared(measured, onBaseline, SEARCH_TARGET_MS),
      })
    }
    let page = store.list({ limit: 100 })
    const deep = time(RUNS, () => {
      page = page.next ? store.list({ limit: 100, before: page.next }) : store.list({ limit: 100 })
    })
    print({ case: 'next pages (keyset)', entries: TOTAL, ...deep })

    let n = TOTAL + 1_000_000
    const appends = (s: HistoryStore) => {
      const inputs = Array.from({ length: APPENDS_MEASURED }, () => data.entry(n++, 'small'))
      return time(APPENDS_MEASURED, (i) => s.append(inputs[i]!))
    }
    print({ case: 'append (small, inline)', ...compared(appends(store), appends(baseline)) })

    const items = data.records(BIG_BODY_BYTES)
    // The floor: the same stall measured while the thread waits on nothing for as long
    // as the append took (what the machine's other load alone costs).
    let idle: Stall[] = []
    const bigStalls = async (s: HistoryStore) => {
      const samples: Stall[] = []
      for (let i = 0; i < BIG_APPENDS; i++) {
        const input = asDecoded(data.entry(n++, 'small', items))
        const started = performance.now()
        samples.push(await longestStall(() => s.appendAsync(input)))
        const took = performance.now() - started
        idle.push(await longestStall(() => new Promise((done) => setTimeout(done, took))))
      }
      return stallStats(samples)
    }
    const inline = await bigStalls(store)
    // The app's store: appendAsync on the writer thread. Its start is not timed.
    const threaded = HistoryStore.open(full.dataDir, {
      notice: (m) => console.error(m),
      writerThread: {},
    })
    stores.push(threaded)
    await threaded.appendAsync(data.entry(n++, 'small'))
    idle = []
    const onThread = await bigStalls(threaded)
    print({
      case: 'longest event-loop stall during a 10 MB append',
      entries: TOTAL,
      writerThread: onThread,
      baseline: { onThisThread: inline, idleAsLong: stallStats(idle) },
      load1: round(loadavg()[0]!),
      ratioP99: round(onThread.p99Ms / inline.p99Ms),
      targetP99Ms: STALL_TARGET_MS,
      pass: onThread.p99Ms < STALL_TARGET_MS,
    })
  } finally {
    await Promise.all(stores.map((s) => s.closeAsync()))
    for (const h of [full, small]) rmSync(h.dataDir, { recursive: true, force: true })
  }
}

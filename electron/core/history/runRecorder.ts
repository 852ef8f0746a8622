import type { RunSummary } from '../../../shared/model/run'
import { toEntryRecord, type AppendInput } from './entryRecord'
import { encodeRecord, encodeRecordAsync, type StoredRow } from './entryRows'
import { dropEmptyRuns, finishRun, upsertRun, type RunStart } from './runRows'
import type { Sqlite } from './sqlite'

/** A batch is written once it holds this many sends... */
const BATCH_SENDS = 200
/** ...or this many bytes (bodies may be megabytes each)... */
const BATCH_BYTES = 4 * 1024 * 1024
/** ...or this long after its first send, so a slow run's sends show up in history soon. */
const BATCH_MS = 250
/** Entry ids reserved at a time. */
const ID_BLOCK = 500
/** A send with more body than this is compressed on the thread pool, as appendAsync does. */
const ASYNC_ENCODE_BYTES = 64 * 1024

export interface RunRecorderDeps {
  db: Sqlite
  /** Compress bodies and details, as the store does. */
  compress: boolean
  /** Bodies above this are cut (the retention setting). */
  maxBodyBytes: () => number
  /** The "keep credentials in history" setting, read at each send. */
  keepCredentials: () => boolean
  /** Inserts rows in one transaction with `also` run inside it (then checks retention). */
  insert: (rows: StoredRow[], also: () => void) => void
  /** Tells the user something went wrong with their history. */
  notice: (message: string) => void
}

/**
 * Keeps collection runs and their sends. A run's sends are written in batches, so a run
 * of 10,000 requests is some 50 transactions instead of 10,000. The runner waits for each
 * send's entry id before going on, so ids are reserved ahead in blocks (AUTOINCREMENT
 * never hands out an id at or below `sqlite_sequence`, even to another process writing
 * the same file): `keep` answers at once with an id whose row is written with its batch.
 * The store writes pending batches before anything reads the history.
 */
export class RunRecorder {
  /** The runs going on in this process. */
  private readonly active = new Map<string, RunStart>()
  /** Runs already told the user about a failure, so it is said once per run. */
  private readonly warned = new Set<string>()
  private pending: StoredRow[] = []
  private pendingBytes = 0
  private nextId = 1
  private lastId = 0
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly deps: RunRecorderDeps) {}

  isRunning(runId: string): boolean {
    return this.active.has(runId)
  }

  /** Lists the run at once (as running); a failure is told and never stops the run. */
  begin(run: { runId: string; name: string; startedAt: number }): void {
    const start: RunStart = {
      ...run,
      source: null,
      workspace: null,
      workspaceName: null,
      environment: null,
    }
    this.active.set(run.runId, start)
    this.attempt(run.runId, () => this.deps.db.transaction(() => upsertRun(this.deps.db, start)))
  }

  /** Queues one send of the run; resolves to its entry id, or null when it cannot be kept. */
  async keep(runId: string, input: AppendInput): Promise<number | null> {
    const run = this.active.get(runId) ?? this.adopt(runId, input.at)
    run.source ??= input.source
    run.workspace ??= input.context.workspace
    run.workspaceName ??= input.context.workspaceName
    run.environment ??= input.context.environment
    let row: StoredRow
    try {
      row = { ...(await this.encode(input)), id: this.reserveId(), runId }
    } catch (error) {
      this.warn(runId, `a send could not be kept: ${messageOf(error)}`)
      return null
    }
    this.pending.push(row)
    this.pendingBytes += row.storedBytes
    if (this.pending.length >= BATCH_SENDS || this.pendingBytes >= BATCH_BYTES) {
      return this.flush() ? row.id! : null
    }
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS)
    this.timer.unref?.()
    return row.id!
  }

  /** Writes what is left of the run and how it ended. */
  end(summary: RunSummary): void {
    this.flush()
    const start = this.active.get(summary.runId) ?? {
      ...summary,
      source: null,
      workspace: null,
      workspaceName: null,
      environment: null,
    }
    this.attempt(summary.runId, () =>
      this.deps.db.transaction(() => {
        upsertRun(this.deps.db, start)
        finishRun(this.deps.db, summary)
        // Stopped before its first request (or nothing could be kept): nothing to look at.
        dropEmptyRuns(this.deps.db, [summary.runId])
      }),
    )
    this.active.delete(summary.runId)
    this.warned.delete(summary.runId)
  }

  /** Writes the pending sends in one transaction; false when they could not be written. */
  flush(): boolean {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.pending.length === 0) return true
    const rows = this.pending
    this.pending = []
    this.pendingBytes = 0
    const runIds = [...new Set(rows.map((r) => r.runId!))]
    try {
      this.deps.insert(rows, () => {
        // Each time, so a run whose row was cleared meanwhile is listed again.
        for (const runId of runIds) {
          const run = this.active.get(runId)
          if (run) upsertRun(this.deps.db, run)
        }
      })
      return true
    } catch (error) {
      const message = `${rows.length} of its sends could not be kept: ${messageOf(error)}`
      runIds.forEach((runId) => this.warn(runId, message))
      return false
    }
  }

  /** Writes what is pending; runs still going are left unfinished in history. */
  close(): void {
    this.flush()
  }

  /** Masked, cut and encoded as every entry; big bodies compress off the thread. */
  private encode(input: AppendInput): StoredRow | Promise<StoredRow> {
    const record = toEntryRecord(input, this.deps.maxBodyBytes(), this.deps.keepCredentials())
    const bytes = (record.requestBody?.length ?? 0) + (record.responseBody?.length ?? 0)
    return bytes > ASYNC_ENCODE_BYTES
      ? encodeRecordAsync(record, this.deps.compress)
      : encodeRecord(record, this.deps.compress)
  }

  /** A send for a run that was never begun: listed under its id. */
  private adopt(runId: string, at: number): RunStart {
    this.begin({ runId, name: runId, startedAt: at })
    return this.active.get(runId)!
  }

  private reserveId(): number {
    if (this.nextId > this.lastId) {
      const db = this.deps.db
      const first = db.transaction(() => {
        const seq = Number(db.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'entries'") ?? 0)
        const max = Number(db.scalar('SELECT coalesce(max(id), 0) FROM entries'))
        const start = Math.max(seq, max) + 1
        const last = start + ID_BLOCK - 1
        if (db.run("UPDATE sqlite_sequence SET seq = ? WHERE name = 'entries'", [last]).changes) {
          return start
        }
        db.run("INSERT INTO sqlite_sequence (name, seq) VALUES ('entries', ?)", [last])
        return start
      })
      this.nextId = first
      this.lastId = first + ID_BLOCK - 1
    }
    return this.nextId++
  }

  private attempt(runId: string, work: () => void): void {
    try {
      work()
    } catch (error) {
      this.warn(runId, messageOf(error))
    }
  }

  private warn(runId: string, message: string): void {
    if (this.warned.has(runId)) return
    this.warned.add(runId)
    const name = this.active.get(runId)?.name ?? runId
    this.deps.notice(`The run "${name}" is not fully kept in history: ${message}`)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

import { join } from 'node:path'
import {
  HistoryPageArgsSchema,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryPage,
  type HistoryPageArgs,
  type HistoryRetention,
  type HistorySummary,
} from '../../../shared/model/history'
import {
  HistoryRunArgsSchema,
  HistoryRunPageArgsSchema,
  type HistoryRun,
  type HistoryRunArgs,
  type HistoryRunDetail,
  type HistoryRunPage,
  type HistoryRunPageArgs,
} from '../../../shared/model/historyRuns'
import type { RunExecution, RunSummary } from '../../../shared/model/run'
import type { RunHistorySink } from '../runner/runCollection'
import { toEntryRecord, type AppendInput } from './entryRecord'
import {
  deleteEntries,
  encodeRecord,
  encodeRecordAsync,
  insertEntry,
  loadEntry,
  type StoredRow,
} from './entryRows'
import { loadForExport, toHar, type HarSource } from './har'
import { pageOf, whereOf } from './historyQuery'
import { openHistoryDb } from './openHistoryDb'
import { ensurePrivateDir } from '../storage/privateFiles'
import { idsBeyondRetention, limitsHistory, readRetention, writeRetention } from './retention'
import { executionsOfRun } from './runExecutions'
import { RunRecorder } from './runRecorder'
import { dropEmptyRuns, runDetail, runPage } from './runRows'
import type { Sqlite } from './sqlite'

export type { AppendInput } from './entryRecord'

export interface HistoryStoreOptions {
  /** Tells the user something about their data (e.g. a damaged file moved aside). */
  notice: (message: string) => void
  /** Compress bodies and details (default true); tests turn it off to search the file's bytes. */
  compress?: boolean
  /** The clock retention measures age with. */
  now?: () => number
  /**
   * The "keep credentials in history" setting, read at each append; absent: off
   * (Authorization, Cookie and the like are masked).
   */
  keepCredentials?: () => boolean
}

/** Retention is checked after this many appends, or after this long, whichever comes first. */
const RETENTION_EVERY_APPENDS = 100
const RETENTION_EVERY_MS = 60_000

/**
 * Every send, kept in `<dataDir>/history.db` (SQLite through libsql): one small row per
 * entry for the list, its bulky parts compressed in another table, and a full-text index
 * over URL, headers and bodies. Secrets are masked before anything is written. Collection
 * runs are kept too (as a RunHistorySink): a row per run over the entries of its sends.
 */
export class HistoryStore implements RunHistorySink {
  private appendsSinceRetention = 0
  private retentionCheckedAt = 0
  private readonly compress: boolean
  private readonly now: () => number
  private readonly keepCredentials: () => boolean
  private readonly runs: RunRecorder

  private constructor(
    private readonly db: Sqlite,
    options: HistoryStoreOptions,
  ) {
    this.compress = options.compress ?? true
    this.now = options.now ?? Date.now
    this.keepCredentials = options.keepCredentials ?? (() => false)
    this.runs = new RunRecorder({
      db,
      compress: this.compress,
      maxBodyBytes: () => this.getRetention().maxBodyBytes,
      keepCredentials: () => this.keepCredentials(),
      insert: (rows, also) => this.insertRows(rows, also),
      notice: options.notice,
    })
  }

  /** Opens the history of `dataDir` (created if missing). A damaged file is moved aside and `notice` says where. */
  static open(dataDir: string, options: HistoryStoreOptions): HistoryStore {
    ensurePrivateDir(dataDir)
    return new HistoryStore(openHistoryDb(join(dataDir, 'history.db'), options.notice), options)
  }

  /**
   * Like open(), but a history that cannot be opened (no permission, a newer format) is
   * reported through `notice` and null returned: the app runs on without history.
   */
  static tryOpen(dataDir: string, options: HistoryStoreOptions): HistoryStore | null {
    try {
      return HistoryStore.open(dataDir, options)
    } catch (error) {
      options.notice(
        `Your request history could not be opened, so sends are not being recorded: ${(error as Error).message}`,
      )
      return null
    }
  }

  /** The database file. */
  get path(): string {
    return this.db.path
  }

  /** Keeps one send (in one transaction) and returns its line for the list. */
  append(input: AppendInput): HistorySummary {
    const [summary] = this.appendBatch([input])
    return summary!
  }

  /** Keeps several sends in one transaction (imports, the benchmark's fill). */
  appendBatch(inputs: readonly AppendInput[]): HistorySummary[] {
    const { maxBodyBytes } = this.getRetention()
    // Masking and compression happen before the write lock is taken.
    const rows = inputs.map((input) =>
      encodeRecord(toEntryRecord(input, maxBodyBytes, this.keepCredentials()), this.compress),
    )
    return this.insertRows(rows)
  }

  /**
   * `append` with the compression on the thread pool: for a send with megabytes of body,
   * so the process keeps answering meanwhile.
   */
  async appendAsync(input: AppendInput): Promise<HistorySummary> {
    const { maxBodyBytes } = this.getRetention()
    const row = await encodeRecordAsync(
      toEntryRecord(input, maxBodyBytes, this.keepCredentials()),
      this.compress,
    )
    return this.insertRows([row])[0]!
  }

  private insertRows(rows: StoredRow[], also?: () => void): HistorySummary[] {
    const summaries = this.db.transaction(() => {
      also?.()
      return rows.map((r) => insertEntry(this.db, r))
    })
    this.appendsSinceRetention += rows.length
    if (
      this.appendsSinceRetention >= RETENTION_EVERY_APPENDS ||
      this.now() - this.retentionCheckedAt >= RETENTION_EVERY_MS
    ) {
      this.applyRetention()
    }
    return summaries
  }

  /** A page of entries, newest first, matching `args`; pass `next` back as `before` for the following page. */
  list(args: Partial<HistoryPageArgs> = {}): HistoryPage {
    this.runs.flush()
    return pageOf(this.db, HistoryPageArgsSchema.parse(args))
  }

  /** The whole entry. @throws Error when it does not exist (deleted meanwhile). */
  get(id: number): HistoryEntry {
    this.runs.flush()
    return this.load(id).entry
  }

  /** Deletes these entries, and the runs left without any; returns how many entries. */
  delete(ids: readonly number[]): number {
    this.runs.flush()
    const deleted = this.db.transaction(() => {
      const { count, runIds } = deleteEntries(this.db, ids)
      dropEmptyRuns(this.db, runIds)
      return count
    })
    if (deleted > 0) this.giveSpaceBack()
    return deleted
  }

  /** Deletes every entry the filter matches (all of them for an empty filter); returns how many. */
  deleteMatching(filter: Partial<HistoryFilter>): number {
    this.runs.flush()
    const where = whereOf(filter)
    const ids = this.db.all<{ id: number }>(`SELECT e.id FROM entries e ${where.sql}`, where.params)
    return this.delete(ids.map((r) => r.id))
  }

  /**
   * Deletes everything, runs included; returns how many entries there were. A run still
   * going comes back with the sends it makes after.
   */
  clear(): number {
    this.runs.flush()
    const count = this.db.transaction(() => {
      const n = Number(this.db.scalar('SELECT count(*) FROM entries'))
      this.db.exec(`DELETE FROM entry_parts; DELETE FROM entries; DELETE FROM runs;
        INSERT INTO entries_fts(entries_fts) VALUES ('delete-all');`)
      return n
    })
    this.giveSpaceBack()
    // Empties the log too, which a delete of everything has just filled.
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    return count
  }

  /** These entries as a HAR 1.2 document. @throws Error when they hold too much to export at once. */
  exportHar(ids: readonly number[], creatorVersion: string): string {
    this.runs.flush()
    return toHar(
      loadForExport(ids, (id) => loadEntry(this.db, id)),
      creatorVersion,
    )
  }

  getRetention(): HistoryRetention {
    return readRetention(this.db)
  }

  /** Saves the settings and applies them at once. */
  setRetention(retention: HistoryRetention): HistoryRetention {
    const value = writeRetention(this.db, retention)
    this.applyRetention()
    return value
  }

  /** Drops what the retention settings no longer keep; returns how many entries. */
  applyRetention(): number {
    this.appendsSinceRetention = 0
    this.retentionCheckedAt = this.now()
    const retention = this.getRetention()
    if (!limitsHistory(retention)) return 0
    return this.delete(idsBeyondRetention(this.db, retention, this.now()))
  }

  /** Lists a run as it starts (RunHistorySink). */
  begin(run: { runId: string; name: string; startedAt: number }): void {
    this.runs.begin(run)
  }

  /**
   * Keeps one send of a run (RunHistorySink): written with the next batch, its id known at
   * once. Resolves to null, never rejects, when it cannot be kept (`notice` says why).
   */
  keep(runId: string, entry: AppendInput): Promise<number | null> {
    return this.runs.keep(runId, entry)
  }

  /** Writes the run's last sends and how it ended (RunHistorySink). */
  end(summary: RunSummary): void {
    this.runs.end(summary)
  }

  /** Runs, newest first; pass `next` back as `before` for the following page. */
  listRuns(args: Partial<HistoryRunPageArgs> = {}): HistoryRunPage {
    const { before, limit } = HistoryRunPageArgsSchema.parse(args)
    this.runs.flush()
    return runPage(this.db, before, limit, (runId) => this.runs.isRunning(runId))
  }

  /** One run's summary. @throws Error when it is not in history. */
  getRun(runId: string): HistoryRun {
    return this.runEntries({ runId, limit: 1 }).run
  }

  /** A run with a page of its sends, in the order sent. @throws Error when it is not in history. */
  runEntries(args: Partial<HistoryRunArgs> & { runId: string }): HistoryRunDetail {
    const { runId, after, limit } = HistoryRunArgsSchema.parse(args)
    this.runs.flush()
    const detail = runDetail(this.db, runId, after, limit, this.runs.isRunning(runId))
    if (!detail) throw new Error(`The run ${runId} is no longer in history.`)
    return detail
  }

  /**
   * The run's sends as report executions, in order, read as they are asked for (for a
   * report of a run from history); bodies cut at `reportBodyBytes`.
   */
  runExecutions(runId: string, reportBodyBytes?: number): AsyncIterable<RunExecution> {
    this.runs.flush()
    return executionsOfRun(this.db, runId, reportBodyBytes)
  }

  /**
   * Deletes a run and its sends; returns how many sends. @throws Error while it still runs
   * here (its next sends would bring it back).
   */
  deleteRun(runId: string): number {
    if (this.runs.isRunning(runId)) {
      throw new Error('This run is still going: stop it first, then delete it.')
    }
    this.runs.flush()
    const ids = this.db.all<{ id: number }>('SELECT id FROM entries WHERE run_id = ?', [runId])
    const deleted = this.delete(ids.map((r) => r.id))
    // A run without sends left is gone already; this takes one whose sends all were.
    this.db.run('DELETE FROM runs WHERE id = ?', [runId])
    return deleted
  }

  /** Writes what runs have pending, then closes the file. */
  close(): void {
    this.runs.close()
    this.db.close()
  }

  private load(id: number): HarSource {
    const source = loadEntry(this.db, id)
    if (!source) throw new Error(`History entry ${id} no longer exists.`)
    return source
  }

  /** Returns the pages deleted entries freed to the file system. */
  private giveSpaceBack(): void {
    this.db.exec('PRAGMA incremental_vacuum')
  }
}

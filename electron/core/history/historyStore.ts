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
import { encodeRecordAsync, loadEntry } from './entryRows'
import { EntryWriter, type EncodeSettings } from './entryWriter'
import { loadForExport, toHar, type HarSource } from './har'
import { pageOf, whereOf } from './historyQuery'
import { openHistoryDb } from './openHistoryDb'
import { ensurePrivateDir } from '../storage/privateFiles'
import { HistoryWriter } from './historyWriter'
import { readRetention, writeRetention } from './retention'
import { executionsOfRun } from './runExecutions'
import { RunRecorder } from './runRecorder'
import { runDetail, runPage } from './runRows'
import { clearSearch } from './searchShards'
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
  /**
   * Write appendAsync's sends on a worker thread (historyWriter.ts), so the app's main
   * thread never waits for one; `entry` is the thread's bundled script, if any. Absent:
   * on this thread (the command line, which has nothing else to do meanwhile).
   */
  writerThread?: { entry?: string | URL }
}

/**
 * Every send, kept in `<dataDir>/history.db` (SQLite through libsql): one small row per
 * entry for the list, its bulky parts compressed in another table, and a full-text index
 * over URL, headers and bodies. Secrets are masked before anything is written. Collection
 * runs are kept too (as a RunHistorySink): a row per run over the entries of its sends.
 */
export class HistoryStore implements RunHistorySink {
  private readonly compress: boolean
  private readonly now: () => number
  private readonly keepCredentials: () => boolean
  private readonly runs: RunRecorder
  private readonly writer: EntryWriter
  private readonly writerThread: HistoryWriter | null

  private constructor(
    private readonly db: Sqlite,
    options: HistoryStoreOptions,
  ) {
    this.compress = options.compress ?? true
    this.now = options.now ?? Date.now
    this.keepCredentials = options.keepCredentials ?? (() => false)
    this.writer = new EntryWriter(db, this.now)
    this.writerThread = options.writerThread
      ? new HistoryWriter({ file: db.path, ...options.writerThread })
      : null
    this.runs = new RunRecorder({
      db,
      compress: this.compress,
      maxBodyBytes: () => this.getRetention().maxBodyBytes,
      keepCredentials: () => this.keepCredentials(),
      insert: (rows, also) => this.writer.insert(rows, also),
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
    return this.writer.append(inputs, this.encodeSettings())
  }

  /**
   * Keeps one send without holding up this thread: on the writer thread when the store
   * has one (masking, compression and the insert all happen there), else with the
   * compression on the thread pool. Resolves once the entry is committed; appends are
   * written in the order made.
   */
  async appendAsync(input: AppendInput): Promise<HistorySummary> {
    const settings = this.encodeSettings()
    if (this.writerThread) return this.writerThread.append(input, settings)
    const row = await encodeRecordAsync(
      toEntryRecord(input, settings.maxBodyBytes, settings.keepCredentials),
      settings.compress,
    )
    return this.writer.insert([row])[0]!
  }

  private encodeSettings(): EncodeSettings {
    return {
      maxBodyBytes: this.getRetention().maxBodyBytes,
      keepCredentials: this.keepCredentials(),
      compress: this.compress,
    }
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
    return this.writer.delete(ids)
  }

  /** Deletes every entry the filter matches (all of them for an empty filter); returns how many. */
  deleteMatching(filter: Partial<HistoryFilter>): number {
    this.runs.flush()
    const where = whereOf(this.db, filter)
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
      this.db.exec('DELETE FROM entry_parts; DELETE FROM entries; DELETE FROM runs;')
      clearSearch(this.db)
      return n
    })
    this.writer.giveSpaceBack()
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
    this.runs.flush()
    return this.writer.applyRetention()
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

  /**
   * Writes what runs have pending, then closes the file. A writer thread is told to
   * close after the appends it holds; closeAsync() waits for them.
   */
  close(): void {
    void this.writerThread?.close()
    this.runs.close()
    this.db.close()
  }

  /** close(), once every append made before it is written (shutdown of the app). */
  async closeAsync(): Promise<void> {
    await this.writerThread?.close()
    this.close()
  }

  private load(id: number): HarSource {
    const source = loadEntry(this.db, id)
    if (!source) throw new Error(`History entry ${id} no longer exists.`)
    return source
  }
}

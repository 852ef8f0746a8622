import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  HistoryPageArgsSchema,
  HistoryRetentionSchema,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryPage,
  type HistoryPageArgs,
  type HistoryRetention,
  type HistorySummary,
} from '../../../shared/model/history'
import { toEntryRecord, type AppendInput } from './entryRecord'
import {
  encodeRecord,
  encodeRecordAsync,
  insertEntry,
  loadEntry,
  SUMMARY_COLUMNS,
  summaryOf,
  type StoredRow,
  type SummaryRow,
} from './entryRows'
import { toHar, type HarSource } from './har'
import { whereOf } from './historyQuery'
import { openHistoryDb } from './openHistoryDb'
import { idsBeyondRetention, limitsHistory } from './retention'
import type { Sqlite } from './sqlite'

export type { AppendInput } from './entryRecord'

export interface HistoryStoreOptions {
  /** Tells the user something about their data (e.g. a damaged file moved aside). */
  notice: (message: string) => void
  /** Compress bodies and details (default true); tests turn it off to search the file's bytes. */
  compress?: boolean
  /** The clock retention measures age with. */
  now?: () => number
}

/** Retention is checked after this many appends, or after this long, whichever comes first. */
const RETENTION_EVERY_APPENDS = 100
const RETENTION_EVERY_MS = 60_000
/** An export builds one string: past this many bytes of bodies, ask for a smaller selection. */
const MAX_EXPORT_BODY_BYTES = 256 * 1024 * 1024
const CHUNK = 500

/**
 * Every send, kept in `<dataDir>/history.db` (SQLite through libsql): one small row per
 * entry for the list, its bulky parts compressed in another table, and a full-text index
 * over URL, headers and bodies. Secrets are masked before anything is written.
 */
export class HistoryStore {
  private appendsSinceRetention = 0
  private retentionCheckedAt = 0
  private readonly compress: boolean
  private readonly now: () => number

  private constructor(
    private readonly db: Sqlite,
    options: HistoryStoreOptions,
  ) {
    this.compress = options.compress ?? true
    this.now = options.now ?? Date.now
  }

  /** Opens the history of `dataDir` (created if missing). A damaged file is moved aside and `notice` says where. */
  static open(dataDir: string, options: HistoryStoreOptions): HistoryStore {
    mkdirSync(dataDir, { recursive: true })
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
      encodeRecord(toEntryRecord(input, maxBodyBytes), this.compress),
    )
    return this.insertRows(rows)
  }

  /**
   * `append` with the compression on the thread pool: for a send with megabytes of body,
   * so the process keeps answering meanwhile.
   */
  async appendAsync(input: AppendInput): Promise<HistorySummary> {
    const { maxBodyBytes } = this.getRetention()
    const row = await encodeRecordAsync(toEntryRecord(input, maxBodyBytes), this.compress)
    return this.insertRows([row])[0]!
  }

  private insertRows(rows: StoredRow[]): HistorySummary[] {
    const summaries = this.db.transaction(() => rows.map((r) => insertEntry(this.db, r)))
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
    const { before, limit, ...filter } = HistoryPageArgsSchema.parse(args)
    const where = whereOf(filter, before)
    const rows = this.db.all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM entries e ${where.sql} ORDER BY e.at DESC, e.id DESC LIMIT ?`,
      [...where.params, limit + 1],
    )
    const entries = rows.slice(0, limit).map(summaryOf)
    const last = entries.at(-1)
    return { entries, next: rows.length > limit && last ? { at: last.at, id: last.id } : null }
  }

  /** The whole entry. @throws Error when it does not exist (deleted meanwhile). */
  get(id: number): HistoryEntry {
    return this.load(id).entry
  }

  /** Deletes these entries; returns how many there were. */
  delete(ids: readonly number[]): number {
    const unique = [...new Set(ids)]
    let deleted = 0
    this.db.transaction(() => {
      for (let i = 0; i < unique.length; i += CHUNK) {
        const chunk = unique.slice(i, i + CHUNK)
        const marks = chunk.map(() => '?').join(', ')
        this.db.run(`DELETE FROM entries_fts WHERE rowid IN (${marks})`, chunk)
        deleted += this.db.run(`DELETE FROM entries WHERE id IN (${marks})`, chunk).changes
      }
    })
    if (deleted > 0) this.giveSpaceBack()
    return deleted
  }

  /** Deletes every entry the filter matches (all of them for an empty filter); returns how many. */
  deleteMatching(filter: Partial<HistoryFilter>): number {
    const where = whereOf(filter)
    const ids = this.db.all<{ id: number }>(`SELECT e.id FROM entries e ${where.sql}`, where.params)
    return this.delete(ids.map((r) => r.id))
  }

  /** Deletes everything; returns how many entries there were. */
  clear(): number {
    const count = this.db.transaction(() => {
      const n = Number(this.db.scalar('SELECT count(*) FROM entries'))
      this.db.exec(`DELETE FROM entry_parts; DELETE FROM entries;
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
    const sources: HarSource[] = []
    let bytes = 0
    for (const id of new Set(ids)) {
      const source = loadEntry(this.db, id)
      if (!source) continue
      bytes += (source.entry.response?.body.length ?? 0) + (source.requestBody?.length ?? 0)
      if (bytes > MAX_EXPORT_BODY_BYTES) {
        throw new Error(
          `These ${ids.length} entries hold more than ${MAX_EXPORT_BODY_BYTES / 1024 / 1024} MB of bodies: export fewer at a time.`,
        )
      }
      sources.push(source)
    }
    return toHar(sources, creatorVersion)
  }

  getRetention(): HistoryRetention {
    const text = this.db.scalar("SELECT value FROM meta WHERE key = 'retention'")
    if (typeof text === 'string') {
      try {
        const parsed = HistoryRetentionSchema.safeParse(JSON.parse(text))
        if (parsed.success) return parsed.data
      } catch {
        // Unreadable settings: fall back to the defaults below.
      }
    }
    return HistoryRetentionSchema.parse({})
  }

  /** Saves the settings and applies them at once. */
  setRetention(retention: HistoryRetention): HistoryRetention {
    const value = HistoryRetentionSchema.parse(retention)
    this.db.run("INSERT OR REPLACE INTO meta(key, value) VALUES ('retention', ?)", [
      JSON.stringify(value),
    ])
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

  close(): void {
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

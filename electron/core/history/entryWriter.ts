import type { HistorySummary } from '../../../shared/model/history'
import { toEntryRecord, type AppendInput } from './entryRecord'
import { deleteEntries, encodeRecord, insertEntry, type StoredRow } from './entryRows'
import { idsBeyondRetention, limitsHistory, readRetention } from './retention'
import { dropEmptyRuns } from './runRows'
import type { Sqlite } from './sqlite'

/** Retention is checked after this many appends, or after this long, whichever comes first. */
const RETENTION_EVERY_APPENDS = 100
const RETENTION_EVERY_MS = 60_000

/** How a send is shaped for storage: the settings read at each append. */
export interface EncodeSettings {
  /** Bodies above this are cut (retention's maxBodyBytes). */
  maxBodyBytes: number
  /** The "keep credentials in history" setting. */
  keepCredentials: boolean
  /** Compress bodies and details. */
  compress: boolean
}

/**
 * The writing half of the history on one connection: inserts entries (then drops what
 * retention no longer keeps, now and then) and deletes them. The store uses one on its
 * own connection; the history writer thread (historyWriterWorker.ts) uses another.
 */
export class EntryWriter {
  private appendsSinceRetention = 0
  private retentionCheckedAt = 0

  constructor(
    private readonly db: Sqlite,
    private readonly now: () => number,
  ) {}

  /** Masks, cuts, encodes and inserts sends in one transaction; returns their lines for the list. */
  append(inputs: readonly AppendInput[], settings: EncodeSettings): HistorySummary[] {
    // Masking and compression happen before the write lock is taken.
    const rows = inputs.map((input) =>
      encodeRecord(
        toEntryRecord(input, settings.maxBodyBytes, settings.keepCredentials),
        settings.compress,
      ),
    )
    return this.insert(rows)
  }

  /** Inserts rows in one transaction, with `also` run inside it, then checks retention when due. */
  insert(rows: StoredRow[], also?: () => void): HistorySummary[] {
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

  /** Drops what the retention settings no longer keep; returns how many entries. */
  applyRetention(): number {
    this.appendsSinceRetention = 0
    this.retentionCheckedAt = this.now()
    const retention = readRetention(this.db)
    if (!limitsHistory(retention)) return 0
    return this.delete(idsBeyondRetention(this.db, retention, this.now()))
  }

  /** Deletes these entries, and the runs left without any; returns how many entries. */
  delete(ids: readonly number[]): number {
    const deleted = this.db.transaction(() => {
      const { count, runIds } = deleteEntries(this.db, ids)
      dropEmptyRuns(this.db, runIds)
      return count
    })
    if (deleted > 0) this.giveSpaceBack()
    return deleted
  }

  /** Returns the pages deleted entries freed to the file system. */
  giveSpaceBack(): void {
    this.db.exec('PRAGMA incremental_vacuum')
  }
}

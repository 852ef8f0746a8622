import type { HistorySummary } from '../../../shared/model/history'
import type { StringPath } from './bigStrings'
import type { AppendInput } from './entryRecord'
import type { EncodeSettings } from './entryWriter'

/** What the history writer thread is started with. */
export interface HistoryWriterData {
  /** The history.db to append to (already created and migrated by the store). */
  file: string
}

/**
 * Main thread -> writer thread; handled one at a time, in the order sent. An append whose
 * input had long strings taken out (`taken`: where each goes) is followed by their
 * slices, in order, then by its `end`; nothing else comes in between.
 */
export type ToHistoryWriter =
  | {
      type: 'append'
      id: number
      input: AppendInput
      settings: EncodeSettings
      taken: StringPath[]
    }
  | { type: 'slice'; id: number; index: number; text: string }
  | { type: 'end'; id: number }
  /** Sent last: the appends before it are written, then the connection closed. */
  | { type: 'close' }

/** Writer thread -> main thread. */
export type FromHistoryWriter =
  /** Committed: the entry is in the file. */
  | { type: 'appended'; id: number; summary: HistorySummary }
  /** Nothing of this send was written; `code` is SQLite's (SQLITE_FULL...) when it has one. */
  | { type: 'failed'; id: number; message: string; code: string | null }
  | { type: 'closed' }

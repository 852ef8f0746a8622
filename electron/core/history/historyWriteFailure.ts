import { dirname } from 'node:path'

/** Why SQLite could not write, in words, for the failures a user can do something about. */
const REASONS: [prefix: string, reason: (file: string) => string][] = [
  [
    'SQLITE_FULL',
    () => 'the disk is full. Free some space; sends are recorded again once there is room',
  ],
  [
    'SQLITE_READONLY',
    (file) =>
      `the history is read-only (a read-only disk, or ${dirname(file)} or the file is not writable by you). Make it writable, or point COURIER_DATA_DIR at a writable folder`,
  ],
  [
    'SQLITE_IOERR',
    () => 'the disk reported an error while writing. Check the disk, then try again',
  ],
  [
    'SQLITE_CANTOPEN',
    (file) => `the file could not be opened. Check that ${dirname(file)} exists and is yours`,
  ],
  [
    'SQLITE_BUSY',
    () => 'another Courier process kept it busy for 5 s. Try again, or close the other process',
  ],
]

/**
 * A failed write of the history database `file` as an error that names it, says what is
 * wrong and what to do, and that what was already kept is unchanged (every write is one
 * transaction, rolled back on failure). SQLite's code stays on the error (`code`), so
 * corruption is still recognised. Other errors are returned as they are.
 */
export function describeHistoryWriteFailure(file: string, error: unknown): unknown {
  const raw = (error as { code?: unknown } | null)?.code
  const code = typeof raw === 'string' && raw.startsWith('SQLITE_') ? raw : null
  const reason = code && REASONS.find(([prefix]) => code.startsWith(prefix))?.[1]
  if (!reason) return error
  return Object.assign(
    new Error(
      `Could not write to the history (${file}): ${reason(file)}. The history kept so far is unchanged.`,
      { cause: error },
    ),
    { code },
  )
}

/**
 * Fault injection for the reliability tests (docs/development.md): with
 * COURIER_FAULT_HISTORY=full a connection cannot grow the file past its size when opened,
 * with `read-only` it refuses every write, as SQLite on a full or read-only disk does
 * (SQLITE_FULL, SQLITE_READONLY). SQLite does its own file I/O, out of reach of a fault
 * injected into node:fs. Unset in normal use: nothing happens.
 */
export function injectedHistoryFault(): string | null {
  switch (process.env.COURIER_FAULT_HISTORY) {
    case 'full':
      return 'PRAGMA max_page_count = 1'
    case 'read-only':
      return 'PRAGMA query_only = 1'
    default:
      return null
  }
}

import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs'
import { PRIVATE_FILE_MODE, tightenFile } from '../storage/privateFiles'
import { injectedHistoryFault } from './historyWriteFailure'
import { migrate } from './schema'
import { isCorruption, Sqlite } from './sqlite'

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * Opens (creating it if needed) the history database at `file`: WAL, so readers never
 * wait for the writer and a crash loses at most the transaction being written;
 * synchronous=NORMAL, which in WAL mode is still safe against a crash of the process;
 * foreign keys on; schema migrated. A file that is damaged or not a database is moved
 * aside with its -wal and -shm (never deleted), a new one is started, and `notice`
 * tells the user where the old one went. Any other failure (no permission, a newer
 * format) is thrown and the file left alone.
 */
export function openHistoryDb(file: string, notice: (message: string) => void): Sqlite {
  const startAfresh = (why: string) => {
    const aside = moveAside(file)
    notice(
      `Your history database could not be read (${why}) and was moved to ${aside}; Courier started a new, empty history.`,
    )
    return connect(file)
  }
  let db: Sqlite
  if (!looksLikeSqlite(file)) {
    // SQLite would delete the -wal of a file that is not a database when closing it: such
    // a file is moved aside before SQLite opens it.
    db = startAfresh('it is not a database file')
  } else {
    try {
      db = connect(file)
    } catch (error) {
      if (!isCorruption(error)) throw error
      db = startAfresh((error as Error).message)
    }
  }
  try {
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Connects and reads the schema and the first pages of the tables, so a damaged file is
 * found now rather than mid-session. Only exec() runs here: libsql closes a connection
 * once its prepared statements are garbage collected, and a connection lingering on a
 * file that was then moved aside would, on closing, delete the new file's -wal.
 */
function connect(file: string): Sqlite {
  makePrivate(file)
  const db = new Sqlite(file)
  try {
    // Wait for another Courier process (the CLI beside the app) instead of failing at once.
    db.exec(`PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;`)
    const fault = injectedHistoryFault()
    if (fault) db.exec(fault)
    db.exec('SELECT * FROM sqlite_schema')
    for (const probe of [
      'SELECT id FROM entries ORDER BY at DESC, id DESC LIMIT 1',
      'SELECT * FROM meta',
    ]) {
      try {
        db.exec(probe)
      } catch (error) {
        // A new file has no tables yet: migrate() creates them.
        if (!/no such table/.test((error as Error).message)) throw error
      }
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Creates the database file owner-only (0600) before SQLite opens it, and tightens an
 * existing one with its -wal and -shm. SQLite creates -wal and -shm with the mode of the
 * database file, so they are private from then on, even when a checkpoint removes and a
 * later connection re-creates them.
 */
function makePrivate(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
  for (const suffix of ['', '-wal', '-shm']) tightenFile(file + suffix)
}

/** True for a missing or empty file (SQLite starts one) and for a file with SQLite's header. */
function looksLikeSqlite(file: string): boolean {
  if (!existsSync(file)) return true
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(MAGIC.length)
    const read = readSync(fd, header, 0, header.length, 0)
    return read === 0 || header.equals(MAGIC)
  } finally {
    closeSync(fd)
  }
}

/** Renames `file` (and its -wal and -shm, kept beside it so the copy still opens) to `<file>.corrupt-<time>`. */
function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
  renameSync(file, aside)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
  return aside
}

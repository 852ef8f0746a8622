import Database from 'libsql'
import { describeHistoryWriteFailure } from './historyWriteFailure'

/**
 * What may be bound to a statement. libsql aborts the process on a boolean, and on a
 * Buffer bound to a full-text column: text for the search index is always a string.
 */
export type SqlValue = string | number | null | Buffer

type Row = Record<string, unknown>

const MAX_CACHED_STATEMENTS = 100

/**
 * A thin, typed layer over a libsql connection: positional parameters only (always
 * passed as one array, so a lone null or Buffer is not taken for named parameters),
 * prepared statements cached by text, rows without libsql's `_metadata`, BLOBs as Buffer.
 *
 * libsql's close() lets go of the connection, but SQLite closes it only once every
 * statement prepared on it has been garbage collected.
 */
export class Sqlite {
  private readonly db: Database.Database
  private readonly statements = new Map<string, Database.Statement>()

  constructor(readonly path: string) {
    this.db = new Database(path)
  }

  exec(sql: string): void {
    this.db.exec(sql)
  }

  run(sql: string, params: readonly SqlValue[] = []): { changes: number; lastId: number } {
    const result = this.statement(sql).run([...params])
    return { changes: result.changes, lastId: Number(result.lastInsertRowid) }
  }

  get<T extends Row>(sql: string, params: readonly SqlValue[] = []): T | undefined {
    const row = this.statement(sql).get([...params]) as T | undefined
    return row === undefined ? undefined : clean(row)
  }

  all<T extends Row>(sql: string, params: readonly SqlValue[] = []): T[] {
    return (this.statement(sql).all([...params]) as T[]).map(clean)
  }

  /** The first column of the first row, or undefined. */
  scalar(sql: string, params: readonly SqlValue[] = []): unknown {
    const row = this.statement(sql).get([...params]) as Row | undefined
    if (row === undefined) return undefined
    const key = Object.keys(row).find((k) => k !== '_metadata')
    return key === undefined ? undefined : row[key]
  }

  /** Runs `work` in one write transaction (taken at once, so two writers queue instead of deadlocking). */
  transaction<T>(work: () => T): T {
    try {
      // Inside: on a read-only file taking the write lock is what fails.
      this.db.exec('BEGIN IMMEDIATE')
      const result = work()
      this.db.exec('COMMIT')
      return result
    } catch (error) {
      // libsql aborts the process when asked about a closed connection.
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK')
      throw describeHistoryWriteFailure(this.path, error)
    }
  }

  close(): void {
    this.statements.clear()
    if (this.db.open) this.db.close()
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      // Filters and deletes by id make texts that vary: keep the most recent ones only.
      if (this.statements.size >= MAX_CACHED_STATEMENTS) {
        this.statements.delete(this.statements.keys().next().value!)
      }
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }
}

function clean<T extends Row>(row: T): T {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) {
    if (key === '_metadata') continue
    out[key] = value instanceof ArrayBuffer ? Buffer.from(value) : value
  }
  return out as T
}

/** SQLite's result code of an error thrown by libsql (e.g. SQLITE_CORRUPT), or null. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** True for the errors that mean the file is damaged or not a database at all. */
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error)
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
}

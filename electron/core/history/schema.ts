import { scrubStoredCredentials } from './scrubCredentials'
import { createSearchShards, startPrefixedShards } from './searchShards'
import type { Sqlite } from './sqlite'

/**
 * The history database's schema, as the list of steps that build it: `MIGRATIONS[n]`
 * turns a version-n database into version n+1 (0 = a new, empty file). The version is
 * kept in `PRAGMA user_version`. Never edit a released step: add one.
 */
export const MIGRATIONS: readonly ((db: Sqlite) => void)[] = [
  // v1: the first schema.
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      -- One row per send: what the list shows and filters on. Kept small; the rest is in entry_parts.
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        source TEXT NOT NULL,
        method TEXT NOT NULL,
        url TEXT NOT NULL,
        host TEXT NOT NULL,
        status INTEGER,
        status_class TEXT NOT NULL,
        error_code TEXT,
        duration_ms REAL,
        size_bytes INTEGER,
        workspace TEXT,
        workspace_name TEXT,
        environment TEXT,
        request_path TEXT,
        truncated INTEGER NOT NULL DEFAULT 0
      );
      -- Each index ends with (at, id): a filter plus newest-first paging reads one index range.
      CREATE INDEX entries_at ON entries(at);
      CREATE INDEX entries_host ON entries(host, at);
      CREATE INDEX entries_method ON entries(method, at);
      CREATE INDEX entries_status ON entries(status_class, at);
      CREATE INDEX entries_workspace ON entries(workspace, at);
      CREATE INDEX entries_environment ON entries(environment, at);
      CREATE INDEX entries_request ON entries(request_path, at);
      -- The bulky parts, outside the list's rows: 'detail' (JSON), 'request_body', 'response_body'.
      CREATE TABLE entry_parts (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        part TEXT NOT NULL,
        codec TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (entry_id, part)
      );
      -- Contentless: the text lives (compressed) in entry_parts, the index only points at rows.
      CREATE VIRTUAL TABLE entries_fts USING fts5(
        url, request_headers, response_headers, request_body, response_body,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `)
  },
  // v2: what each entry occupies, for the size limit of retention.
  (db) => {
    db.exec(`
      ALTER TABLE entries ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
      UPDATE entries SET stored_bytes = 256 + length(url) + coalesce(
        (SELECT sum(length(data)) FROM entry_parts WHERE entry_id = entries.id), 0);
    `)
  },
  // v3: tests run by scripts and assertions, and how many failed (null: none ran).
  (db) => {
    db.exec(`
      ALTER TABLE entries ADD COLUMN tests_total INTEGER;
      ALTER TABLE entries ADD COLUMN tests_failed INTEGER;
      -- "Failed" is a filter over few rows: a partial index keeps it one range read.
      CREATE INDEX entries_tests_failed ON entries(at) WHERE tests_failed > 0;
    `)
  },
  // v4: collection runs, each a row over the entries of its sends.
  (db) => {
    db.exec(`
      -- stats is newman's run.stats as JSON; it and the other outcome columns stay null
      -- until the run ends (a crash leaves them so).
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        source TEXT,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        end_reason TEXT,
        end_message TEXT,
        stats TEXT,
        failures INTEGER,
        failed_requests INTEGER,
        average_ms REAL,
        total_bytes INTEGER,
        workspace TEXT,
        workspace_name TEXT,
        environment TEXT
      );
      CREATE INDEX runs_started ON runs(started_at, id);
      ALTER TABLE entries ADD COLUMN run_id TEXT;
      -- A run's sends in the order sent (the rowid ends each index).
      CREATE INDEX entries_run ON entries(run_id) WHERE run_id IS NOT NULL;
      -- The unfiltered list skips runs' sends: without this it would walk past every
      -- send of every run kept to find a page of sends made on their own.
      CREATE INDEX entries_loose ON entries(at) WHERE run_id IS NULL;
    `)
  },
  // v5: credentials are masked by default; those already stored in clear are masked too.
  (db) => scrubStoredCredentials(db),
  // v6: the search index in shards of ids (searchShards.ts), so a search reads the newest
  // entries' lists first. What v1-v5 indexed stays in entries_fts: nothing is re-indexed.
  (db) => createSearchShards(db),
  // v7: new shards index words' first 1 and 2 characters, so short words match as
  // prefixes there. Older tables are not indexed again (searchShards.ts).
  (db) => startPrefixedShards(db),
]

/** The version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length

/** Raised when the file was written by a newer Courier: it is left untouched. */
export class NewerHistoryError extends Error {
  constructor(version: number) {
    super(
      `The history database was written by a newer Courier (format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Courier to see your history.`,
    )
    this.name = 'NewerHistoryError'
  }
}

/**
 * Brings the database up to `target` (default: the current version), each step in its own
 * transaction. The version is read again inside it: another process (the CLI beside the
 * app) may have migrated the file meanwhile.
 */
export function migrate(db: Sqlite, target = SCHEMA_VERSION): void {
  const version = Number(db.scalar('PRAGMA user_version'))
  if (version > SCHEMA_VERSION) throw new NewerHistoryError(version)
  if (version >= target) return
  // Lets clear() and retention give space back to the disk. It only takes on a file with no
  // table yet, and not inside a transaction: on any other file it changes nothing.
  if (version === 0) db.exec('PRAGMA auto_vacuum = INCREMENTAL')
  let done = false
  while (!done) {
    done = db.transaction(() => {
      const current = Number(db.scalar('PRAGMA user_version'))
      if (current >= target) return true
      MIGRATIONS[current]!(db)
      db.exec(`PRAGMA user_version = ${current + 1}`)
      return current + 1 >= target
    })
  }
}

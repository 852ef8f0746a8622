import type { Sqlite, SqlValue } from './sqlite'

// The full-text index in shards. FTS5 answers a prefix query (`sta*`) by merging the
// lists of every word with that prefix over the whole table before it returns a row:
// 60 ms at a million entries, even for the first page. Split by entry id, each table
// holds SHARD_ENTRIES entries, and a search reads the newest shards first and stops
// once it has its page (textSearch.ts), so it merges a shard's lists, not the history's.
//
// `entries_fts` is the table of schemas 1-5; a history from then keeps its entries
// there (ids up to the migration's last id) and new ones go to the shards.
//
// Schema 7's shards (`entries_fts_p<n>`) also index every word's first one and two
// characters (FTS5 `prefix = '1 2'`), so a search for `s` or `st` as the user types
// reads one list instead of merging those of thousands of words (90 ms per shard of
// 50,000 entries). It about doubles the index's size. Older tables are kept as they are
// (not indexed again): there a word of one or two characters matches whole words only.
/** Entries per shard. */
export const SHARD_ENTRIES = 50_000
/** Entries per block of `at_blocks`: the newest send time of each block of ids. */
export const AT_BLOCK_ENTRIES = 1024

/** The table holding the search text of schemas before 6, and of their entries since. */
export const LEGACY_TABLE = 'entries_fts'

/** Where schema 7's shards (with 1-2 character prefixes) start, in `meta`. */
const PREFIXED_AFTER_KEY = 'search_prefixed_after'

export interface Shard {
  name: string
  /** The ids it holds: first..last. */
  firstId: number
  lastId: number
  /** It indexes the first 1 and 2 characters of words (schema 7 on). */
  shortPrefixes: boolean
}

/** The FTS5 definition every shard shares with the legacy table (plus prefixes from schema 7). */
function createShardSql(name: string, shortPrefixes: boolean): string {
  return `CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING fts5(
    url, request_headers, response_headers, request_body, response_body,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'${shortPrefixes ? ", prefix = '1 2'" : ''}
  )`
}

/** The last id given out so far (deleted entries' included). */
function lastIdGiven(db: Sqlite): number {
  return Math.max(
    Number(db.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'entries'") ?? 0),
    Number(db.scalar('SELECT coalesce(max(id), 0) FROM entries')),
  )
}

/** Schema v6's step: the list of shards (the legacy table first) and `at_blocks`. */
export function createSearchShards(db: Sqlite): void {
  const legacyLast = lastIdGiven(db)
  db.exec(`
    -- Which table holds the search text of which ids.
    CREATE TABLE search_shards (
      name TEXT PRIMARY KEY,
      first_id INTEGER NOT NULL,
      last_id INTEGER NOT NULL
    );
    -- The newest send time (at) per block of ids, only ever raised: a search that has
    -- read every entry from id m up knows from it how new the ones below m can be.
    CREATE TABLE at_blocks (block INTEGER PRIMARY KEY, max_at INTEGER NOT NULL);
    INSERT INTO at_blocks (block, max_at)
      SELECT id / ${AT_BLOCK_ENTRIES}, max(at) FROM entries GROUP BY id / ${AT_BLOCK_ENTRIES};
  `)
  db.run('INSERT INTO search_shards (name, first_id, last_id) VALUES (?, 0, ?)', [
    LEGACY_TABLE,
    legacyLast,
  ])
}

/**
 * Schema v7's step: entries from the next id on go to shards with 1-2 character prefixes.
 * The shard being filled ends where it is, so shards still never share an id.
 */
export function startPrefixedShards(db: Sqlite): void {
  const last = lastIdGiven(db)
  db.exec('ALTER TABLE search_shards ADD COLUMN short_prefixes INTEGER NOT NULL DEFAULT 0')
  db.run('UPDATE search_shards SET last_id = min(last_id, ?)', [last])
  db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [PREFIXED_AFTER_KEY, String(last)])
}

/** Per connection: the legacy table's last id (fixed once schema 6 is reached). */
const legacyLastIds = new WeakMap<Sqlite, number>()
/** Per connection: the last id before schema 7's shards (fixed once it is reached). */
const prefixedAfterIds = new WeakMap<Sqlite, number>()

/** Null on a database before schema 7: then no shard has short prefixes. */
function prefixedAfter(db: Sqlite): number | null {
  const known = prefixedAfterIds.get(db)
  if (known !== undefined) return known
  const value = db.scalar('SELECT value FROM meta WHERE key = ?', [PREFIXED_AFTER_KEY])
  if (value === undefined) return null
  prefixedAfterIds.set(db, Number(value))
  return Number(value)
}

/** Null on a database before schema 6: then the legacy table holds everything. */
function legacyLastId(db: Sqlite): number | null {
  const known = legacyLastIds.get(db)
  if (known !== undefined) return known
  try {
    const last = db.scalar('SELECT last_id FROM search_shards WHERE name = ?', [LEGACY_TABLE])
    if (last === undefined) return null
    legacyLastIds.set(db, Number(last))
    return Number(last)
  } catch (error) {
    if (/no such table/.test((error as Error).message)) return null
    throw error
  }
}

/** The table holding (or to hold) entry `id`'s search text, or the legacy table. */
function shardOf(db: Sqlite, id: number): Shard | null {
  const legacyLast = legacyLastId(db)
  if (legacyLast === null || id <= legacyLast) return null
  const index = Math.floor(id / SHARD_ENTRIES)
  const firstId = index * SHARD_ENTRIES
  const lastId = firstId + SHARD_ENTRIES - 1
  const v6Last = prefixedAfter(db)
  if (v6Last !== null && id > v6Last) {
    const start = Math.max(firstId, v6Last + 1)
    return { name: `entries_fts_p${index}`, firstId: start, lastId, shortPrefixes: true }
  }
  const start = Math.max(firstId, legacyLast + 1)
  const end = Math.min(lastId, v6Last ?? lastId)
  return { name: `entries_fts_${index}`, firstId: start, lastId: end, shortPrefixes: false }
}

/** The table holding entry `id`'s search text. */
export function shardOfId(db: Sqlite, id: number): Shard {
  return shardOf(db, id) ?? { name: LEGACY_TABLE, firstId: 0, lastId: 0, shortPrefixes: false }
}

/** Adds an entry's search text (and its send time to at_blocks); call inside a transaction. */
export function indexEntry(db: Sqlite, id: number, at: number, text: readonly string[]): void {
  const shard = shardOf(db, id)
  if (shard) {
    // Cheap when the shard exists: a check of the schema, prepared once.
    db.run(createShardSql(shard.name, shard.shortPrefixes))
    db.run(
      `INSERT OR IGNORE INTO search_shards (name, first_id, last_id${shard.shortPrefixes ? ', short_prefixes' : ''})
        VALUES (?, ?, ?${shard.shortPrefixes ? ', 1' : ''})`,
      [shard.name, shard.firstId, shard.lastId],
    )
  }
  if (legacyLastId(db) !== null) {
    db.run(
      `INSERT INTO at_blocks (block, max_at) VALUES (?, ?)
        ON CONFLICT (block) DO UPDATE SET max_at = max(max_at, excluded.max_at)`,
      [Math.floor(id / AT_BLOCK_ENTRIES), at],
    )
  }
  // Strings only: libsql aborts the process when a Buffer is bound to a full-text column.
  db.run(
    `INSERT INTO ${shard?.name ?? LEGACY_TABLE} (rowid, url, request_headers, response_headers,
      request_body, response_body) VALUES (?, ?, ?, ?, ?, ?)`,
    [id, ...text] as SqlValue[],
  )
}

/** Removes these entries' search text; call inside a transaction. */
export function unindexEntries(db: Sqlite, ids: readonly number[]): void {
  const byTable = new Map<string, number[]>()
  for (const id of ids) {
    const { name } = shardOfId(db, id)
    byTable.set(name, [...(byTable.get(name) ?? []), id])
  }
  const existing = new Set(shardsNewestFirst(db).map((s) => s.name))
  for (const [name, list] of byTable) {
    if (!existing.has(name)) continue
    db.run(`DELETE FROM ${name} WHERE rowid IN (${list.map(() => '?').join(', ')})`, list)
  }
}

/** Empties every shard (kept, so other connections still find them). */
export function clearSearch(db: Sqlite): void {
  for (const { name } of shardsNewestFirst(db)) {
    db.exec(`INSERT INTO ${name}(${name}) VALUES ('delete-all')`)
  }
}

/** Every table of the index, the newest ids first (the legacy table last). */
export function shardsNewestFirst(db: Sqlite): Shard[] {
  if (legacyLastId(db) === null) {
    return [{ name: LEGACY_TABLE, firstId: 0, lastId: Infinity, shortPrefixes: false }]
  }
  const prefixes = prefixedAfter(db) === null ? '0' : 'short_prefixes'
  return db
    .all<{ name: string; first_id: number; last_id: number; short_prefixes: number }>(
      `SELECT name, first_id, last_id, ${prefixes} AS short_prefixes FROM search_shards
        ORDER BY last_id DESC`,
    )
    .map((r) => ({
      name: r.name,
      firstId: r.first_id,
      lastId: r.last_id,
      shortPrefixes: r.short_prefixes === 1,
    }))
}

/**
 * The newest send time of the entries with ids below `id` (deleted ones may count: it
 * is only ever raised), or -Infinity when there are none.
 */
export function newestBelow(db: Sqlite, id: number): number {
  const block = Math.floor(id / AT_BLOCK_ENTRIES)
  const blocks = db.scalar('SELECT max(max_at) FROM at_blocks WHERE block < ?', [block])
  const inBlock = db.scalar('SELECT max(at) FROM entries WHERE id >= ? AND id < ?', [
    block * AT_BLOCK_ENTRIES,
    id,
  ])
  const values = [blocks, inBlock].filter((v) => v !== null && v !== undefined).map(Number)
  return values.length > 0 ? Math.max(...values) : -Infinity
}

import { SUMMARY_COLUMNS, type SummaryRow } from './entryRows'
import { matchFor, type MatchQuery } from './matchQuery'
import { newestBelow, shardOfId, shardsNewestFirst, type Shard } from './searchShards'
import type { Sqlite, SqlValue } from './sqlite'

/** Conditions over `entries e`, ANDed, with their parameters. */
export interface Conditions {
  sql: string[]
  params: SqlValue[]
}

/** Past this many entries sent later than their ids say, a search takes every match instead. */
export const MAX_LATE_ENTRIES = 1000

const newestFirst = (a: SummaryRow, b: SummaryRow) => b.at - a.at || b.id - a.id

/**
 * The newest `want` entries (by send time, then id) whose text matches `match` and that
 * meet `filters`. Each shard of the index is read newest id first, `want` rows at a
 * time, and the search stops as soon as the page is certain: once every match from id m
 * up has been read, only an entry below m sent after the page's last one could still
 * belong on it. at_blocks says how new the entries below m can be; sends are kept in
 * about the order made, so this usually ends within the first shard. When it cannot
 * rule them out, those entries are looked up by time (lateMatches).
 */
export function newestMatching(
  db: Sqlite,
  match: MatchQuery,
  filters: Conditions,
  want: number,
  maxLate = MAX_LATE_ENTRIES,
): SummaryRow[] {
  let found: SummaryRow[] = []
  const extra = filters.sql.map((c) => ` AND ${c}`).join('')
  for (const shard of shardsNewestFirst(db)) {
    // CROSS JOIN keeps the index as the outer loop: it hands rows over newest id first
    // and stops at LIMIT, where probing it per entry would merge its lists every time.
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${shard.name} f CROSS JOIN entries e ON e.id = f.rowid
      WHERE f.${shard.name} MATCH ? AND f.rowid < ?${extra} ORDER BY f.rowid DESC LIMIT ?`
    for (let below = Number.MAX_SAFE_INTEGER; ;) {
      const rows = db.all<SummaryRow>(sql, [matchFor(match, shard), below, ...filters.params, want])
      found = [...found, ...rows].sort(newestFirst).slice(0, want)
      const exhausted = rows.length < want
      // Every match from this id up has been read.
      const readFrom = exhausted ? shard.firstId : rows.at(-1)!.id
      if (found.length === want) {
        const last = found.at(-1)!
        if (newestBelow(db, readFrom) <= last.at) return found
        const late = lateMatches(db, match, filters, { readFrom, after: last.at, maxLate })
        if (late === null) return allMatching(db, match, filters, want)
        return [...found, ...late].sort(newestFirst).slice(0, want)
      }
      if (exhausted) break
      below = readFrom
    }
  }
  return found
}

/**
 * The matches among the entries with ids below `readFrom` sent after `after`: the only
 * ones that could still outrank a page whose last entry was sent at `after`. Null when
 * there are more than `maxLate` such entries to look at.
 */
function lateMatches(
  db: Sqlite,
  match: MatchQuery,
  filters: Conditions,
  { readFrom, after, maxLate }: { readFrom: number; after: number; maxLate: number },
): SummaryRow[] | null {
  const late = db.all<{ id: number }>(
    'SELECT id FROM entries INDEXED BY entries_at WHERE at > ? AND id < ? LIMIT ?',
    [after, readFrom, maxLate + 1],
  )
  if (late.length > maxLate) return null
  const byShard = new Map<string, { shard: Shard; ids: number[] }>()
  for (const { id } of late) {
    const shard = shardOfId(db, id)
    const ids = byShard.get(shard.name)?.ids ?? []
    byShard.set(shard.name, { shard, ids: [...ids, id] })
  }
  const extra = filters.sql.map((c) => ` AND ${c}`).join('')
  const matches: SummaryRow[] = []
  for (const { shard, ids } of byShard.values()) {
    const name = shard.name
    // One read of the shard over the ids' range (a rowid list would read it once per id).
    matches.push(
      ...db.all<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM ${name} f CROSS JOIN entries e ON e.id = f.rowid
          WHERE f.${name} MATCH ? AND f.rowid BETWEEN ? AND ?
          AND e.id IN (${ids.map(() => '?').join(', ')})${extra}`,
        [matchFor(match, shard), Math.min(...ids), Math.max(...ids), ...ids, ...filters.params],
      ),
    )
  }
  return matches
}

/** The plain way, for a history whose send times are far out of id order: every match, sorted. */
function allMatching(
  db: Sqlite,
  match: MatchQuery,
  filters: Conditions,
  want: number,
): SummaryRow[] {
  const shards = shardsNewestFirst(db)
  const selects = shards.map((s) => `SELECT rowid FROM ${s.name} WHERE ${s.name} MATCH ?`)
  const where = [`e.id IN (${selects.join(' UNION ALL ')})`, ...filters.sql].join(' AND ')
  return db.all<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM entries e WHERE ${where} ORDER BY e.at DESC, e.id DESC LIMIT ?`,
    [...shards.map((s) => matchFor(match, s)), ...filters.params, want],
  )
}

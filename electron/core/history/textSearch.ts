import { SUMMARY_COLUMNS, type SummaryRow } from './entryRows'
import { newestBelow, shardsNewestFirst } from './searchShards'
import type { Sqlite, SqlValue } from './sqlite'

/** Conditions over `entries e`, ANDed, with their parameters. */
export interface Conditions {
  sql: string[]
  params: SqlValue[]
}

const newestFirst = (a: SummaryRow, b: SummaryRow) => b.at - a.at || b.id - a.id

/**
 * The newest `want` entries (by send time, then id) whose text matches `match` and that
 * meet `filters`. Each shard of the index is read newest id first, `want` rows at a
 * time, stopping as soon as the page is certain: once every entry from id m up has been
 * read, the entries below m are no newer than at_blocks says; when that is no newer than
 * the page's last entry, none of them can belong on the page. Sends are kept in about
 * the order made, so this usually stops within the first shard, after `want` matches.
 */
export function newestMatching(
  db: Sqlite,
  match: string,
  filters: Conditions,
  want: number,
): SummaryRow[] {
  let found: SummaryRow[] = []
  const extra = filters.sql.map((c) => ` AND ${c}`).join('')
  for (const shard of shardsNewestFirst(db)) {
    // CROSS JOIN keeps the index as the outer loop: it hands rows over newest id first
    // and stops at LIMIT, where probing it per entry would merge its lists every time.
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${shard.name} f CROSS JOIN entries e ON e.id = f.rowid
      WHERE f.${shard.name} MATCH ? AND f.rowid < ?${extra} ORDER BY f.rowid DESC LIMIT ?`
    for (let below = Number.MAX_SAFE_INTEGER; ;) {
      const rows = db.all<SummaryRow>(sql, [match, below, ...filters.params, want])
      found = [...found, ...rows].sort(newestFirst).slice(0, want)
      const exhausted = rows.length < want
      // Every match from this id up has been read.
      const readFrom = exhausted ? shard.firstId : rows.at(-1)!.id
      if (found.length === want && newestBelow(db, readFrom) <= found.at(-1)!.at) return found
      if (exhausted) break
      below = readFrom
    }
  }
  return found
}

import type { HistoryFilter, HistoryPage, HistoryPageArgs } from '../../../shared/model/history'
import { SUMMARY_COLUMNS, summaryOf, type SummaryRow } from './entryRows'
import { matchFor, toMatchQuery } from './matchQuery'
import { shardsNewestFirst } from './searchShards'
import type { Sqlite, SqlValue } from './sqlite'
import { newestMatching, type Conditions } from './textSearch'

export interface WhereClause {
  /** `WHERE ...`, or '' for no condition. */
  sql: string
  params: SqlValue[]
}

/**
 * The filter as SQL over `entries e` (its text matched in every shard of the index), for
 * deleting what it matches.
 */
export function whereOf(db: Sqlite, filter: Partial<HistoryFilter>): WhereClause {
  const { sql, params } = filtersOf(filter, null)
  const match = toMatchQuery(filter.text ?? '')
  if (match !== null) {
    const shards = shardsNewestFirst(db)
    const selects = shards.map((s) => `SELECT rowid FROM ${s.name} WHERE ${s.name} MATCH ?`)
    sql.unshift(`e.id IN (${selects.join(' UNION ALL ')})`)
    params.unshift(...shards.map((s) => matchFor(match, s)))
  }
  return { sql: sql.length > 0 ? `WHERE ${sql.join(' AND ')}` : '', params }
}

/** The filter's conditions other than its text, plus a keyset position to continue after. */
function filtersOf(
  filter: Partial<HistoryFilter>,
  before: { at: number; id: number } | null,
): Conditions {
  const conditions: string[] = []
  const params: SqlValue[] = []
  const inList = (column: string, values: readonly string[]) => {
    if (values.length === 0) return
    conditions.push(`e.${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList(
    'method',
    (filter.methods ?? []).map((m) => m.toUpperCase()),
  )
  inList('status_class', filter.statusClasses ?? [])
  const host = normaliseHost(filter.host ?? '')
  if (host !== '') {
    conditions.push('e.host = ?')
    params.push(host)
  }
  const equal = (column: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return
    conditions.push(`e.${column} = ?`)
    params.push(value)
  }
  equal('workspace', filter.workspace)
  equal('environment', filter.environment)
  equal('request_path', filter.requestPath)
  // Written as the partial index's own condition, so SQLite reads that index.
  if (filter.failedTests) conditions.push('e.tests_failed > 0')
  // Also the partial index's own condition: the unfiltered list reads entries_loose.
  if (filter.outsideRuns) conditions.push('e.run_id IS NULL')
  if (filter.from !== null && filter.from !== undefined) {
    conditions.push('e.at >= ?')
    params.push(filter.from)
  }
  if (filter.to !== null && filter.to !== undefined) {
    conditions.push('e.at <= ?')
    params.push(filter.to)
  }
  if (before) {
    conditions.push('(e.at, e.id) < (?, ?)')
    params.push(before.at, before.id)
  }
  return { sql: conditions, params }
}

/** A page of entries, newest first, matching the filter, after `before`. */
export function pageOf(db: Sqlite, { before, limit, ...filter }: HistoryPageArgs): HistoryPage {
  const filters = filtersOf(filter, before)
  const match = toMatchQuery(filter.text ?? '')
  const where = filters.sql.length > 0 ? `WHERE ${filters.sql.join(' AND ')}` : ''
  const rows =
    match === null
      ? db.all<SummaryRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM entries e ${where} ORDER BY e.at DESC, e.id DESC LIMIT ?`,
          [...filters.params, limit + 1],
        )
      : newestMatching(db, match, filters, limit + 1)
  const entries = rows.slice(0, limit).map(summaryOf)
  const last = entries.at(-1)
  return { entries, next: rows.length > limit && last ? { at: last.at, id: last.id } : null }
}

/** `API.Example.com:8080` or a pasted URL -> `api.example.com`, as the host column holds it. */
function normaliseHost(text: string): string {
  const trimmed = text.trim().toLowerCase()
  if (trimmed === '') return ''
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`).hostname
  } catch {
    return trimmed
  }
}

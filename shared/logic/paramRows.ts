import type { KeyValueRow } from '../model/keyValue'
import { parseQuery, replaceQuery, type RawQueryPair } from './url'

/**
 * A row of the Params table. The URL's query is the truth for enabled rows (kept exactly
 * as typed, so `?flag` and `%20` survive); disabled rows live only in the table.
 */
export interface ParamRow extends KeyValueRow {
  /** False for a bare `?flag` with no `=`, so the URL keeps it bare. */
  hasEquals: boolean
}

const toRow = (pair: RawQueryPair): ParamRow => ({ ...pair, enabled: true })

/**
 * The table after the user typed in the URL: enabled rows are replaced in order by the
 * URL's pairs (extra pairs appended, missing ones dropped); disabled rows keep their place.
 */
export function rowsFromUrl(rows: readonly ParamRow[], urlText: string): ParamRow[] {
  const pairs = parseQuery(urlText)
  const out: ParamRow[] = []
  let next = 0
  for (const row of rows) {
    if (!row.enabled) out.push(row)
    else if (next < pairs.length) out.push(toRow(pairs[next++]!))
  }
  while (next < pairs.length) out.push(toRow(pairs[next++]!))
  return out
}

/** The URL after the user edited the table: its query becomes the enabled, non-empty rows. */
export function urlFromRows(urlText: string, rows: readonly ParamRow[]): string {
  const pairs = rows
    .filter((r) => r.enabled && (r.key !== '' || r.value !== ''))
    .map((r) => ({ key: r.key, value: r.value, hasEquals: r.hasEquals || r.value !== '' }))
  return replaceQuery(urlText, pairs)
}

/** The table for a saved request: the URL's pairs, then its disabled rows. */
export function rowsOfRequest(urlText: string, disabled: readonly KeyValueRow[]): ParamRow[] {
  return [
    ...parseQuery(urlText).map(toRow),
    ...disabled.filter((r) => !r.enabled).map((r) => ({ ...r, hasEquals: true })),
  ]
}

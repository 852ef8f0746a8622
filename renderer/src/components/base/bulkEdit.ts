import type { KeyValueRow } from '../../../../shared/model/keyValue'

const DISABLED = '//'

/** Rows as `key: value` lines; a disabled row is commented out with `//` (as in Postman). */
export function rowsToBulk(rows: readonly KeyValueRow[]): string {
  return rows
    .filter((r) => r.key !== '' || r.value !== '')
    .map((r) => `${r.enabled ? '' : `${DISABLED} `}${r.key}: ${r.value}`)
    .join('\n')
}

/**
 * Parses `key: value` lines back into rows. The first colon splits (values may hold more,
 * like URLs); a line without one is a key with an empty value; blank lines are skipped.
 */
export function bulkToRows<T extends KeyValueRow>(text: string, makeRow: () => T): T[] {
  const rows: T[] = []
  for (const rawLine of text.split('\n')) {
    let line = rawLine.trim()
    if (line === '') continue
    const enabled = !line.startsWith(DISABLED)
    if (!enabled) line = line.slice(DISABLED.length).trim()
    const colon = line.indexOf(':')
    const key = (colon === -1 ? line : line.slice(0, colon)).trim()
    const value = colon === -1 ? '' : line.slice(colon + 1).trim()
    rows.push({ ...makeRow(), key, value, enabled })
  }
  return rows
}

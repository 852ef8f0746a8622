import type { HistorySummary } from '../../../../shared/model/history'

export type HistoryRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'entry'; key: string; entry: HistorySummary }

/** "Today", "Yesterday" or the date, for a day heading. */
export function dayLabel(at: number, now = Date.now()): string {
  const day = new Date(at).toDateString()
  if (day === new Date(now).toDateString()) return 'Today'
  if (day === new Date(now - 86_400_000).toDateString()) return 'Yesterday'
  return new Date(at).toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  })
}

/** Entries (newest first) with a heading row before each new day. */
export function groupByDay(entries: readonly HistorySummary[], now = Date.now()): HistoryRow[] {
  const rows: HistoryRow[] = []
  let current = ''
  for (const entry of entries) {
    const label = dayLabel(entry.at, now)
    if (label !== current) {
      current = label
      rows.push({ kind: 'day', key: `day-${entry.at}`, label })
    }
    rows.push({ kind: 'entry', key: `e-${entry.id}`, entry })
  }
  return rows
}

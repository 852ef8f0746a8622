import { HistoryRetentionSchema, type HistoryRetention } from '../../../shared/model/history'
import type { Sqlite } from './sqlite'

const DAY_MS = 24 * 60 * 60 * 1000
const MB = 1024 * 1024

/** The saved settings, or the defaults when none (or unreadable ones) are saved. */
export function readRetention(db: Sqlite): HistoryRetention {
  const text = db.scalar("SELECT value FROM meta WHERE key = 'retention'")
  if (typeof text === 'string') {
    try {
      const parsed = HistoryRetentionSchema.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data
    } catch {
      // Unreadable settings: fall back to the defaults below.
    }
  }
  return HistoryRetentionSchema.parse({})
}

/** Saves the settings (checked); returns them as saved. */
export function writeRetention(db: Sqlite, retention: HistoryRetention): HistoryRetention {
  const value = HistoryRetentionSchema.parse(retention)
  db.run("INSERT OR REPLACE INTO meta(key, value) VALUES ('retention', ?)", [JSON.stringify(value)])
  return value
}

/** True when the settings ask to drop anything at all. */
export function limitsHistory(retention: HistoryRetention): boolean {
  return (
    retention.maxDays !== null || retention.maxEntries !== null || retention.maxMegabytes !== null
  )
}

/**
 * The ids of the entries retention drops, oldest first: older than `maxDays`, beyond the
 * newest `maxEntries`, and the oldest ones until what is left fits in `maxMegabytes`.
 * Each limit reads one index range, so a check costs little when nothing is due.
 */
export function idsBeyondRetention(db: Sqlite, retention: HistoryRetention, now: number): number[] {
  const drop = new Set<number>()
  const add = (rows: { id: number }[]) => rows.forEach((r) => drop.add(r.id))
  if (retention.maxDays !== null) {
    add(db.all('SELECT id FROM entries WHERE at < ?', [now - retention.maxDays * DAY_MS]))
  }
  if (retention.maxEntries !== null) {
    const cutoff = db.get<{ at: number; id: number }>(
      'SELECT at, id FROM entries ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?',
      [retention.maxEntries],
    )
    if (cutoff) {
      add(db.all('SELECT id FROM entries WHERE (at, id) <= (?, ?)', [cutoff.at, cutoff.id]))
    }
  }
  if (retention.maxMegabytes !== null) {
    const limit = retention.maxMegabytes * MB
    const total = Number(db.scalar('SELECT coalesce(sum(stored_bytes), 0) FROM entries'))
    let excess = total - limit
    if (excess > 0) {
      const oldest = db.all<{ id: number; stored_bytes: number }>(
        'SELECT id, stored_bytes FROM entries ORDER BY at, id',
      )
      for (const row of oldest) {
        if (excess <= 0) break
        drop.add(row.id)
        excess -= row.stored_bytes
      }
    }
  }
  return [...drop]
}

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HistoryStore } from '../electron/core/history/historyStore'
import { SCHEMA_VERSION } from '../electron/core/history/schema'
import { Sqlite } from '../electron/core/history/sqlite'
import type { HistoryData } from './historyData'
import { HISTORY_DATA_VERSION } from './historyData'

/** Entries per transaction while filling: few commits, bounded memory for the batch. */
const BATCH = 500

export interface FilledHistory {
  /** A fresh data directory holding a copy of the filled history.db. */
  dataDir: string
  entries: number
  /** Seconds the fill took, or null when it came from the cache. */
  fillSeconds: number | null
}

/**
 * A data directory with a history of `entries` entries of HistoryData. Filling a million
 * entries takes minutes, so the filled file is kept under os.tmpdir(), keyed by the
 * schema version, the data version and the count, and copied for each run (a run
 * changes what it is given: appends, the 10 MB append).
 */
export function filledHistory(entries: number, data: HistoryData): FilledHistory {
  const cacheRoot = join(tmpdir(), 'courier-bench-history-cache')
  const cached = join(cacheRoot, `schema${SCHEMA_VERSION}-data${HISTORY_DATA_VERSION}-${entries}`)
  let fillSeconds: number | null = null
  if (!existsSync(join(cached, 'history.db'))) {
    mkdirSync(cacheRoot, { recursive: true })
    const building = mkdtempSync(join(cacheRoot, 'building-'))
    const started = performance.now()
    fill(building, entries, data)
    fillSeconds = Math.round((performance.now() - started) / 100) / 10
    rmSync(cached, { recursive: true, force: true })
    renameSync(building, cached)
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-bench-history-'))
  copyFileSync(join(cached, 'history.db'), join(dataDir, 'history.db'))
  return { dataDir, entries, fillSeconds }
}

function fill(dataDir: string, entries: number, data: HistoryData): void {
  const store = HistoryStore.open(dataDir, { notice: (m) => console.error(m) })
  try {
    for (let n = 0; n < entries; n += BATCH) {
      const count = Math.min(BATCH, entries - n)
      store.appendBatch(Array.from({ length: count }, (_, i) => data.entry(n + i)))
    }
  } finally {
    store.close()
  }
  // libsql closes a connection only once its statements are collected: the log is moved
  // into the file now, so there is one file to copy.
  const db = new Sqlite(join(dataDir, 'history.db'))
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  db.close()
}

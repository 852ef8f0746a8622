import type { HistorySummary } from '../../../shared/model/history'
import { pack, packAsync, unpack, type Codec } from './bodyCodec'
import type { EntryRecord, RunPlace, StoredDetail } from './entryRecord'
import type { HarSource } from './har'
import { indexEntry, unindexEntries } from './searchShards'
import type { Sqlite } from './sqlite'

// How an entry is laid out in the database: a row of `entries`, its parts in
// `entry_parts`, its text in a shard of the search index (searchShards.ts); and how it
// is read back.

/** The columns of a HistorySummary, from `entries e`. */
export const SUMMARY_COLUMNS = `e.id, e.at, e.source, e.method, e.url, e.status, e.error_code, e.duration_ms,
  e.size_bytes, e.workspace, e.workspace_name, e.environment, e.request_path, e.tests_total,
  e.tests_failed, e.run_id`

/** An entry ready to insert: its parts encoded, and the bytes it will take. */
export interface StoredRow {
  record: EntryRecord
  packed: { part: string; codec: Codec; data: Buffer }[]
  storedBytes: number
  /** An id reserved beforehand (a run's sends); absent: the next one. */
  id?: number
  /** The collection run it was sent in. */
  runId?: string
}

/** The summary columns as SQLite returns them. */
export interface SummaryRow extends Record<string, unknown> {
  id: number
  at: number
  source: HistorySummary['source']
  method: string
  url: string
  status: number | null
  error_code: string | null
  duration_ms: number | null
  size_bytes: number | null
  workspace: string | null
  workspace_name: string | null
  environment: string | null
  request_path: string | null
  tests_total: number | null
  tests_failed: number | null
  run_id: string | null
}

function partsOf(record: EntryRecord): [string, Buffer][] {
  const parts: [string, Buffer | null][] = [
    ['detail', Buffer.from(JSON.stringify(record.detail))],
    ['request_body', record.requestBody],
    ['response_body', record.responseBody],
  ]
  return parts.filter((p): p is [string, Buffer] => p[1] !== null)
}

function stored(record: EntryRecord, packed: StoredRow['packed']): StoredRow {
  const storedBytes =
    256 + record.summary.url.length + packed.reduce((n, p) => n + p.data.length, 0)
  return { record, packed, storedBytes }
}

/** The record with its parts encoded (compressed unless `compress` is false) for storage. */
export function encodeRecord(record: EntryRecord, compress: boolean): StoredRow {
  return stored(
    record,
    partsOf(record).map(([part, data]) => ({ part, ...pack(data, compress) })),
  )
}

/** `encodeRecord`, compressing on the thread pool. */
export async function encodeRecordAsync(
  record: EntryRecord,
  compress: boolean,
): Promise<StoredRow> {
  const packed = await Promise.all(
    partsOf(record).map(async ([part, data]) => ({ part, ...(await packAsync(data, compress)) })),
  )
  return stored(record, packed)
}

/** Inserts the entry, its parts and its search text; call inside a transaction. */
export function insertEntry(db: Sqlite, row: StoredRow): HistorySummary {
  const { record, packed, storedBytes } = row
  const s = record.summary
  const runId = row.runId ?? null
  const { lastId: id } = db.run(
    `INSERT INTO entries (id, at, source, method, url, host, status, status_class, error_code,
      duration_ms, size_bytes, workspace, workspace_name, environment, request_path, truncated,
      stored_bytes, tests_total, tests_failed, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
      ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id ?? null,
      s.at,
      s.source,
      s.method,
      s.url,
      s.host,
      s.status,
      s.statusClass,
      s.errorCode,
      s.durationMs,
      s.sizeBytes,
      s.workspace,
      s.workspaceName,
      s.environment,
      s.requestPath,
      s.truncated ? 1 : 0,
      storedBytes,
      s.testsTotal,
      s.testsFailed,
      runId,
    ],
  )
  for (const p of packed) {
    db.run('INSERT INTO entry_parts (entry_id, part, codec, data) VALUES (?, ?, ?, ?)', [
      id,
      p.part,
      p.codec,
      p.data,
    ])
  }
  const t = record.search
  indexEntry(db, id, s.at, [
    t.url,
    t.requestHeaders,
    t.responseHeaders,
    t.requestBody,
    t.responseBody,
  ])
  const { host: _host, statusClass: _statusClass, truncated: _truncated, ...summary } = s
  return { id, ...summary, runId }
}

/** Ids deleted per statement, well under SQLite's limit on parameters. */
const DELETE_CHUNK = 500

/**
 * Deletes these entries with their parts and search text; call inside a transaction.
 * Returns how many there were and the runs they were sent in (to drop those left empty).
 */
export function deleteEntries(
  db: Sqlite,
  ids: readonly number[],
): { count: number; runIds: string[] } {
  const unique = [...new Set(ids)]
  const runIds = new Set<string>()
  let count = 0
  for (let i = 0; i < unique.length; i += DELETE_CHUNK) {
    const chunk = unique.slice(i, i + DELETE_CHUNK)
    const marks = chunk.map(() => '?').join(', ')
    const runs = db.all<{ run_id: string }>(
      `SELECT DISTINCT run_id FROM entries WHERE id IN (${marks}) AND run_id IS NOT NULL`,
      chunk,
    )
    runs.forEach((r) => runIds.add(r.run_id))
    unindexEntries(db, chunk)
    count += db.run(`DELETE FROM entries WHERE id IN (${marks})`, chunk).changes
  }
  return { count, runIds: [...runIds] }
}

/** A stored entry: what HAR export needs, and its place in its run if it had one. */
export interface LoadedEntry extends HarSource {
  run: RunPlace | null
}

/** The whole entry and the request body it was sent with, or null when it does not exist. */
export function loadEntry(db: Sqlite, id: number): LoadedEntry | null {
  const row = db.get<SummaryRow & { truncated: number }>(
    `SELECT ${SUMMARY_COLUMNS}, e.truncated FROM entries e WHERE e.id = ?`,
    [id],
  )
  if (!row) return null
  const parts = new Map(
    db
      .all<{ part: string; codec: string; data: Buffer }>(
        'SELECT part, codec, data FROM entry_parts WHERE entry_id = ?',
        [id],
      )
      .map((p) => [p.part, unpack(p.codec, p.data)]),
  )
  const detail = JSON.parse(parts.get('detail')?.toString('utf8') ?? '{}') as StoredDetail
  const body = parts.get('response_body') ?? Buffer.alloc(0)
  const response = detail.response && {
    ...detail.response,
    body: body.toString(detail.response.bodyEncoding === 'base64' ? 'base64' : 'utf8'),
  }
  const requestBody = parts.get('request_body')?.toString('utf8') ?? null
  return {
    entry: {
      ...summaryOf(row),
      edited: detail.edited ?? null,
      response,
      error: detail.error ?? null,
      sentOnError: detail.sentOnError ?? null,
      sentBody: requestBody,
      truncated: row.truncated === 1,
      checks: detail.checks ?? null,
    },
    requestBody,
    run: detail.run ?? null,
  }
}

/** A row of `entries` as the list shows it. */
export function summaryOf(row: SummaryRow): HistorySummary {
  return {
    id: row.id,
    at: row.at,
    method: row.method,
    url: row.url,
    status: row.status,
    errorCode: row.error_code,
    durationMs: row.duration_ms,
    sizeBytes: row.size_bytes,
    workspace: row.workspace,
    workspaceName: row.workspace_name,
    environment: row.environment,
    requestPath: row.request_path,
    source: row.source,
    testsTotal: row.tests_total,
    testsFailed: row.tests_failed,
    runId: row.run_id,
  }
}

import type { HistorySummary } from '../../../shared/model/history'
import { pack, packAsync, unpack, type Codec } from './bodyCodec'
import type { EntryRecord, StoredDetail } from './entryRecord'
import type { HarSource } from './har'
import type { Sqlite } from './sqlite'

// How an entry is laid out in the database: a row of `entries`, its parts in
// `entry_parts`, its text in `entries_fts`; and how it is read back.

/** The columns of a HistorySummary, from `entries e`. */
export const SUMMARY_COLUMNS = `e.id, e.at, e.source, e.method, e.url, e.status, e.error_code, e.duration_ms,
  e.size_bytes, e.workspace, e.workspace_name, e.environment, e.request_path, e.tests_total,
  e.tests_failed`

/** An entry ready to insert: its parts encoded, and the bytes it will take. */
export interface StoredRow {
  record: EntryRecord
  packed: { part: string; codec: Codec; data: Buffer }[]
  storedBytes: number
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
export function insertEntry(
  db: Sqlite,
  { record, packed, storedBytes }: StoredRow,
): HistorySummary {
  const s = record.summary
  const { lastId: id } = db.run(
    `INSERT INTO entries (at, source, method, url, host, status, status_class, error_code,
      duration_ms, size_bytes, workspace, workspace_name, environment, request_path, truncated,
      stored_bytes, tests_total, tests_failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
      ?, ?, ?)`,
    [
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
  // Strings only: libsql aborts the process when a Buffer is bound to a full-text column.
  db.run(
    `INSERT INTO entries_fts (rowid, url, request_headers, response_headers, request_body,
      response_body) VALUES (?, ?, ?, ?, ?, ?)`,
    [id, t.url, t.requestHeaders, t.responseHeaders, t.requestBody, t.responseBody],
  )
  const { host: _host, statusClass: _statusClass, truncated: _truncated, ...summary } = s
  return { id, ...summary }
}

/** The whole entry and the request body it was sent with, or null when it does not exist. */
export function loadEntry(db: Sqlite, id: number): HarSource | null {
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
  }
}

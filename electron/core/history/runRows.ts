import type {
  HistoryRun,
  HistoryRunCursor,
  HistoryRunDetail,
  HistoryRunPage,
} from '../../../shared/model/historyRuns'
import { RunStatsSchema, type RunSummary } from '../../../shared/model/run'
import { SUMMARY_COLUMNS, summaryOf, type SummaryRow } from './entryRows'
import type { Sqlite } from './sqlite'

// How a collection run is laid out in the database: a row of `runs`, and its sends as
// entries whose run_id is the run's id; and how it is read back.

/** What is known of a run before it ends. */
export interface RunStart {
  runId: string
  name: string
  startedAt: number
  /** From its first kept send; null until then. */
  source: 'app' | 'cli' | null
  workspace: string | null
  workspaceName: string | null
  environment: string | null
}

/** A run's row as SQLite returns it, with its sends counted. */
interface RunRow extends Record<string, unknown> {
  id: string
  name: string
  source: 'app' | 'cli' | null
  started_at: number
  finished_at: number | null
  end_reason: HistoryRun['end']
  end_message: string | null
  stats: string | null
  failures: number | null
  failed_requests: number | null
  average_ms: number | null
  total_bytes: number | null
  workspace: string | null
  workspace_name: string | null
  environment: string | null
  sends: number
  failed_sends: number | null
}

// Counting a run's sends reads the entries_run index only. Its failed sends need each
// entry's row, so they are counted only while the run has no counts of its own.
const RUN_COLUMNS = `r.*,
  (SELECT count(*) FROM entries WHERE run_id = r.id) AS sends,
  CASE WHEN r.stats IS NULL THEN (SELECT count(*) FROM entries
    WHERE run_id = r.id AND (status IS NULL OR tests_failed > 0)) END AS failed_sends`

/**
 * Writes the run's row, or fills in what it lacked: the source, workspace and environment
 * come with its first send, and a row cleared from history while the run went on comes
 * back with the sends that follow.
 */
export function upsertRun(db: Sqlite, run: RunStart): void {
  db.run(
    `INSERT INTO runs (id, name, source, started_at, workspace, workspace_name, environment)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET
      source = coalesce(runs.source, excluded.source),
      workspace = coalesce(runs.workspace, excluded.workspace),
      workspace_name = coalesce(runs.workspace_name, excluded.workspace_name),
      environment = coalesce(runs.environment, excluded.environment)`,
    [
      run.runId,
      run.name,
      run.source,
      run.startedAt,
      run.workspace,
      run.workspaceName,
      run.environment,
    ],
  )
}

/** Records how the run ended: its counts, as the reports give them. */
export function finishRun(db: Sqlite, summary: RunSummary): void {
  const failedRequests = new Set(summary.failures.map((f) => f.execution)).size
  db.run(
    `UPDATE runs SET finished_at = ?, end_reason = ?, end_message = ?, stats = ?, failures = ?,
      failed_requests = ?, average_ms = ?, total_bytes = ? WHERE id = ?`,
    [
      summary.finishedAt,
      summary.end,
      summary.endMessage,
      JSON.stringify(summary.stats),
      summary.failures.length,
      failedRequests,
      summary.averageResponseMs,
      summary.totalBytes,
      summary.runId,
    ],
  )
}

/** A page of runs, newest first, after `before`. */
export function runPage(
  db: Sqlite,
  before: HistoryRunCursor | null,
  limit: number,
  running: (runId: string) => boolean,
): HistoryRunPage {
  const where = before ? 'WHERE (r.started_at, r.id) < (?, ?)' : ''
  const rows = db.all<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM runs r ${where} ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
    before ? [before.startedAt, before.runId, limit + 1] : [limit + 1],
  )
  const runs = rows.slice(0, limit).map((r) => runOf(r, running(r.id)))
  const last = runs.at(-1)
  return {
    runs,
    next: rows.length > limit && last ? { startedAt: last.startedAt, runId: last.runId } : null,
  }
}

/** A run and a page of its sends in the order sent (after entry `after`); null when gone. */
export function runDetail(
  db: Sqlite,
  runId: string,
  after: number | null,
  limit: number,
  running: boolean,
): HistoryRunDetail | null {
  const row = db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs r WHERE r.id = ?`, [runId])
  if (!row) return null
  const rows = db.all<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM entries e WHERE e.run_id = ? AND e.id > ? ORDER BY e.id
      LIMIT ?`,
    [runId, after ?? 0, limit + 1],
  )
  const entries = rows.slice(0, limit).map(summaryOf)
  const next = rows.length > limit ? (entries.at(-1)?.id ?? null) : null
  return { run: runOf(row, running), entries, next }
}

/** A row as the history panel shows it; `running`: the run is going on in this process. */
function runOf(row: RunRow, running: boolean): HistoryRun {
  const stats = row.stats === null ? null : RunStatsSchema.safeParse(JSON.parse(row.stats))
  return {
    runId: row.id,
    name: row.name,
    source: row.source,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    end: row.end_reason,
    endMessage: row.end_message,
    stats: stats?.success ? stats.data : null,
    failures: row.failures,
    failedRequests: row.failed_requests ?? row.failed_sends ?? 0,
    averageResponseMs: row.average_ms,
    totalBytes: row.total_bytes,
    workspace: row.workspace,
    workspaceName: row.workspace_name,
    environment: row.environment,
    sends: row.sends,
    running,
  }
}

/** Deletes those of these runs that no longer have a send in history; returns how many. */
export function dropEmptyRuns(db: Sqlite, runIds: readonly string[]): number {
  if (runIds.length === 0) return 0
  const marks = runIds.map(() => '?').join(', ')
  return db.run(
    `DELETE FROM runs WHERE id IN (${marks})
      AND NOT EXISTS (SELECT 1 FROM entries WHERE run_id = runs.id)`,
    runIds,
  ).changes
}

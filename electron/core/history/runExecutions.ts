import type { HistoryEntry } from '../../../shared/model/history'
import type { RunExecution, RunResponse } from '../../../shared/model/run'
import { loadEntry, type LoadedEntry } from './entryRows'
import type { Sqlite } from './sqlite'

/** Entries read per query: enough to keep queries few, small enough to hold little. */
const PAGE = 100
/** What a report keeps of each body by default: the runner's own limit. */
const REPORT_BODY_BYTES = 64 * 1024

/**
 * The run's sends as the report's executions, in the order they were sent, rebuilt from
 * history one at a time (so a run of any length is never in memory whole). Bodies are
 * what history kept (secrets masked, cut at its per-entry limit), cut again at
 * `reportBodyBytes`. A send deleted meanwhile is skipped.
 */
export async function* executionsOfRun(
  db: Sqlite,
  runId: string,
  reportBodyBytes = REPORT_BODY_BYTES,
): AsyncGenerator<RunExecution, void, undefined> {
  let after = 0
  let position = 0
  for (;;) {
    // Ids within a run follow the order of sending (they are reserved as each send is kept).
    const ids = db.all<{ id: number }>(
      'SELECT id FROM entries WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?',
      [runId, after, PAGE],
    )
    if (ids.length === 0) return
    for (const { id } of ids) {
      const loaded = loadEntry(db, id)
      if (loaded) yield executionOf(loaded, position++, reportBodyBytes)
    }
    after = ids.at(-1)!.id
  }
}

/** One kept send as a RunExecution; `position` stands in for what an older entry lacks. */
export function executionOf(
  { entry, run }: LoadedEntry,
  position: number,
  reportBodyBytes: number,
): RunExecution {
  return {
    index: run?.index ?? position,
    iteration: run?.iteration ?? 0,
    item: run?.item ?? itemOf(entry),
    method: entry.method,
    url: entry.url,
    startedAt: entry.at,
    response: reportResponse(entry, reportBodyBytes),
    error: entry.error,
    checks: entry.checks ?? { tests: [], console: [], scriptFailure: null },
    scripts: run?.scripts ?? { prerequest: 0, test: 0 },
    historyId: entry.id,
  }
}

function reportResponse(entry: HistoryEntry, limit: number): RunResponse | null {
  const r = entry.response
  if (!r) return null
  // A binary body has no text for a report, as in the runner's own.
  const text = r.bodyEncoding === 'utf8' ? r.body : ''
  return {
    status: r.status,
    statusText: r.statusText,
    timeMs: r.timings.total,
    sizeBytes: r.sizes.body,
    headers: r.headers.map(([name, value]): [string, string] => [name, value]),
    body: text.length > limit ? text.slice(0, limit) : text,
    bodyTruncated: text.length > limit || entry.truncated,
  }
}

/** The request a send came from, for entries kept without their place in the run. */
function itemOf(entry: HistoryEntry): RunExecution['item'] {
  if (entry.requestPath) {
    const path = entry.requestPath.replace(/\.request\.json$/, '')
    return { id: entry.requestPath, name: path.split('/').at(-1) ?? path, path }
  }
  const name = `${entry.method} ${entry.url}`
  return { id: String(entry.id), name, path: name }
}

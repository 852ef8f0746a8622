import type { HistorySummary } from '../../../../shared/model/history'
import type { HistoryRun } from '../../../../shared/model/historyRuns'
import type { RunEnd } from '../../../../shared/model/run'

/** One row of the history list: a send on its own, or a collection run. */
export type HistoryListItem =
  | { kind: 'entry'; key: string; at: number; entry: HistorySummary }
  | { kind: 'run'; key: string; at: number; run: HistoryRun }

const ENDED_EARLY: Record<Exclude<RunEnd, 'completed'>, string> = {
  stopped: 'stopped',
  bailed: 'stopped at the first failure',
  'loop-guard': 'stopped: endless setNextRequest loop',
}

/** "600 requests, 3 failed", and how it ended when not completed. */
export function runOutcome(run: HistoryRun): string {
  const requests = run.stats?.requests.total ?? run.sends
  const counts = [`${requests} request${requests === 1 ? '' : 's'}`]
  if (run.failedRequests > 0) counts.push(`${run.failedRequests} failed`)
  const state = run.running
    ? 'running'
    : run.finishedAt === null
      ? 'did not finish'
      : run.end && run.end !== 'completed'
        ? ENDED_EARLY[run.end]
        : null
  return `${counts.join(', ')}${state ? ` (${state})` : ''}`
}

/** "Run: Users — 600 requests, 3 failed": what the run's row says. */
export function runLabel(run: HistoryRun): string {
  return `Run: ${run.name} — ${runOutcome(run)}`
}

/**
 * Sends and runs in one list, newest first. Each comes a page at a time from its own
 * query, so only what is newer than the older of the two last-loaded items is shown:
 * anything not loaded yet from either side is older than that, and showing past it
 * would put a later page's rows above ones already shown. `entriesDone` and `runsDone`:
 * that side has no more pages.
 */
export function mergeByTime(
  entries: readonly HistorySummary[],
  entriesDone: boolean,
  runs: readonly HistoryRun[],
  runsDone: boolean,
): HistoryListItem[] {
  const horizon = Math.max(
    entriesDone ? -Infinity : (entries.at(-1)?.at ?? -Infinity),
    runsDone ? -Infinity : (runs.at(-1)?.startedAt ?? -Infinity),
  )
  const items: HistoryListItem[] = [
    ...entries.map((entry) => ({
      kind: 'entry' as const,
      key: `e-${entry.id}`,
      at: entry.at,
      entry,
    })),
    ...runs.map((run) => ({ kind: 'run' as const, key: `r-${run.runId}`, at: run.startedAt, run })),
  ]
  return items.filter((item) => item.at >= horizon).sort((a, b) => b.at - a.at)
}

/** Which side to read the next page of: the one whose last loaded item is newer. */
export function nextPageOf(
  entries: readonly HistorySummary[],
  entriesDone: boolean,
  runs: readonly HistoryRun[],
  runsDone: boolean,
): 'entries' | 'runs' | null {
  if (entriesDone && runsDone) return null
  if (entriesDone) return 'runs'
  if (runsDone) return 'entries'
  return (entries.at(-1)?.at ?? -Infinity) >= (runs.at(-1)?.startedAt ?? -Infinity)
    ? 'entries'
    : 'runs'
}

import type { CourierApi } from '../../shared/ipc'
import type { HistoryEntry } from '../../shared/model/history'
import type { HistoryRun } from '../../shared/model/historyRuns'

/**
 * Runs kept in history (`history:runs`, `history:run`, `history:deleteRun`) in memory,
 * over the fake's history entries: a run's sends are the entries carrying its id.
 */
export function createFakeHistoryRuns(entries: HistoryEntry[]) {
  const runs: HistoryRun[] = []
  // Copies, as a real transport gives: a test changing a run here is not seen until read.
  const copy = <T>(value: T): T => structuredClone(value)
  const calls: Pick<CourierApi['history'], 'runs' | 'run' | 'deleteRun'> = {
    runs: async ({ limit = 50 }) => ({
      runs: copy([...runs].sort((a, b) => b.startedAt - a.startedAt).slice(0, limit)),
      next: null,
    }),
    run: async ({ runId, limit = 100 }) => {
      const run = runs.find((r) => r.runId === runId)
      if (!run) throw new Error(`The run ${runId} is no longer in history.`)
      const sends = entries.filter((e) => e.runId === runId).sort((a, b) => a.id - b.id)
      return copy({ run, entries: sends.slice(0, limit), next: null })
    },
    deleteRun: async ({ runId }) => {
      const kept = entries.filter((e) => e.runId !== runId)
      const deleted = entries.length - kept.length
      entries.splice(0, entries.length, ...kept)
      runs.splice(0, runs.length, ...runs.filter((r) => r.runId !== runId))
      return deleted
    },
  }
  return { runs, calls }
}

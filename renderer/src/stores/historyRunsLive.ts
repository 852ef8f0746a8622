import type { Ref } from 'vue'
import type { RunEventPayload } from '../../../shared/ipc'
import type { HistoryRun } from '../../../shared/model/historyRuns'
import { executionFailed } from '../../../shared/model/run'
import { useApi } from '../api/currentApi'

/**
 * Keeps the history list's run rows live while the app runs a collection: its counts grow
 * with each request the run's events report, and the row is read again when the run
 * starts and when it ends (history writes a run's sends in batches, so its own counts lag
 * the events by a moment). Returns the unsubscribe.
 */
export function watchRunsLive(list: {
  runs: Ref<HistoryRun[]>
  /** While a search or filter is on the list shows no runs. */
  filtering: Ref<boolean>
  refresh: (runId: string) => Promise<void>
}): () => void {
  return useApi().on('run:event', ({ runId, events }: RunEventPayload) => {
    if (list.filtering.value) return
    const shown = list.runs.value.find((r) => r.runId === runId)
    let sends = 0
    let failed = 0
    let boundary = false
    for (const event of events) {
      if (event.type === 'execution') {
        sends++
        if (executionFailed(event.execution)) failed++
      } else if (event.type === 'start' || event.type === 'done' || event.type === 'failed') {
        boundary = true
      }
    }
    if (shown && sends > 0) {
      list.runs.value = list.runs.value.map((r) =>
        r === shown
          ? { ...r, sends: r.sends + sends, failedRequests: r.failedRequests + failed }
          : r,
      )
    }
    if (boundary) void list.refresh(runId)
  })
}

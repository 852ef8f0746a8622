import type { BodyStore } from '../bodies/bodyStore'
import { messageOf } from '../callFailure'
import { withBodyForHistory } from '../history/bodyForHistory'
import type { HistoryStore } from '../history/historyStore'
import type { RunHistorySink } from './runCollection'

/**
 * An app run kept in history as a run with its sends (the store writes them in
 * batches), each with its body read back before the runner lets it go. A history that
 * refuses an entry is said once and never stops the run.
 */
export function appRunHistory(
  store: HistoryStore,
  bodies: BodyStore,
  warn: (message: string) => void,
): RunHistorySink {
  let warned = false
  return {
    begin: (run) => store.begin(run),
    async keep(runId, entry) {
      try {
        const limit = store.getRetention().maxBodyBytes
        const result = await withBodyForHistory(entry.result, bodies, limit)
        return await store.keep(runId, { ...entry, result })
      } catch (error) {
        if (!warned) warn(`The run's sends could not be added to the history: ${messageOf(error)}`)
        warned = true
        return null
      }
    },
    end: (summary) => store.end(summary),
  }
}

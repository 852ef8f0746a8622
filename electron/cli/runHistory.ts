import type { HistoryStore } from '../core/history/historyStore'
import type { RunHistorySink } from '../core/runner/runCollection'
import type { CliIo } from './cliIo'

/**
 * `courier run --history`: the run kept in the app's history as a run with its sends
 * (the store writes them in batches). The database (libsql) is loaded only with the
 * flag. A history that cannot be opened or written is one note on stderr and never
 * changes the run or its exit code.
 */
export function runHistory(io: Pick<CliIo, 'stderr'>): RunHistorySink {
  let store: HistoryStore | null = null
  let failed = false
  const note = (message: string) => {
    if (failed) return
    failed = true
    io.stderr(`Note: this run is not being kept in the history: ${message}\n`)
  }
  return {
    async begin(run) {
      try {
        const { HistoryStore } = await import('../core/history/historyStore')
        const { defaultDataDir } = await import('../core/dataDir')
        store = HistoryStore.open(defaultDataDir(), {
          notice: (m) => io.stderr(`Note: ${m}\n`),
        })
        store.begin(run)
      } catch (error) {
        note((error as Error).message)
      }
    },
    // The store never rejects: a send it cannot keep is null, and its notice says why.
    keep: async (runId, entry) => (store && !failed ? store.keep(runId, entry) : null),
    end(summary) {
      store?.end(summary)
      store?.close()
      store = null
    },
  }
}

import type { HistoryStore } from '../core/history/historyStore'
import type { RunHistorySink } from '../core/runner/runCollection'
import type { CliIo } from './cliIo'

/**
 * `courier run --history`: each send of the run added to the app's history as it
 * finishes. The database (libsql) is loaded only with the flag. A history that cannot be
 * opened or written is one note on stderr and never changes the run or its exit code.
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
    async begin() {
      try {
        const { HistoryStore } = await import('../core/history/historyStore')
        const { defaultDataDir } = await import('../core/dataDir')
        store = HistoryStore.open(defaultDataDir(), {
          notice: (m) => io.stderr(`Note: ${m}\n`),
        })
      } catch (error) {
        note((error as Error).message)
      }
    },
    async keep(_runId, entry) {
      if (!store || failed) return null
      try {
        return (await store.appendAsync(entry)).id
      } catch (error) {
        note((error as Error).message)
        return null
      }
    },
    end() {
      store?.close()
      store = null
    },
  }
}

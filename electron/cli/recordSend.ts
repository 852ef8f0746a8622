import { defaultDataDir } from '../core/dataDir'
import { HistoryStore, type AppendInput } from '../core/history/historyStore'

/**
 * Adds a send to the history of the app's data directory (COURIER_DATA_DIR when set),
 * where the app shows it beside its own. A history that cannot be written is reported
 * on stderr and never changes the command's outcome.
 */
export function recordSend(send: AppendInput, note: (message: string) => void): void {
  let history: HistoryStore | null = null
  try {
    history = HistoryStore.open(defaultDataDir(), { notice: note })
    history.append(send)
  } catch (error) {
    note(`This send was not added to the history: ${(error as Error).message}`)
  } finally {
    history?.close()
  }
}

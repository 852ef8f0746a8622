import type { SendResult } from '../../shared/ipc/contract'
import type { SendContext } from '../../shared/model/history'
import type { RequestSpec } from '../../shared/model/request'
import { defaultDataDir } from '../core/dataDir'
import { HistoryStore } from '../core/history/historyStore'

export interface SendToRecord {
  at: number
  spec: RequestSpec
  variables: Record<string, string>
  context: SendContext
  result: SendResult
}

/**
 * Adds a send to the history of the app's data directory (COURIER_DATA_DIR when set),
 * where the app shows it beside its own. A history that cannot be written is reported
 * on stderr and never changes the command's outcome.
 */
export function recordSend(send: SendToRecord, note: (message: string) => void): void {
  let history: HistoryStore | null = null
  try {
    history = HistoryStore.open(defaultDataDir(), { notice: note })
    history.append({ ...send, source: 'cli' })
  } catch (error) {
    note(`This send was not added to the history: ${(error as Error).message}`)
  } finally {
    history?.close()
  }
}

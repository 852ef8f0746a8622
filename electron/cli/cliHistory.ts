import type { AppendInput } from '../core/history/entryRecord'
import type { HistorySink } from '../core/sendAndRecord'
import type { CliIo } from './cliIo'

/** History for `courier send`: the entry is held until the response has been printed. */
export interface CliHistory extends HistorySink {
  /**
   * Appends the held entry to the app's history database: libsql is loaded only here,
   * after the tester has the response. A history that cannot be written is a note on
   * stderr and never changes the exit code.
   */
  record(): Promise<void>
}

export function cliHistory(io: CliIo): CliHistory {
  let held: AppendInput | null = null
  return {
    keep: (entry) => void (held = entry),
    async record() {
      if (held === null) return
      const entry = held
      held = null
      const note = (m: string) => io.stderr(`Note: ${m}\n`)
      // The database module itself may fail to load (libsql built for another platform).
      const loaded = await import('./recordSend').catch((error: Error) => {
        note(`This send was not added to the history: ${error.message}`)
        return null
      })
      loaded?.recordSend(entry, note)
    },
  }
}

/**
 * The history writer thread: masks, cuts, compresses and inserts the sends the main
 * thread hands it, on a connection of its own, one at a time in the order given, so a
 * send with megabytes of body never holds up the thread that answers the UI. An append
 * is answered once committed (WAL: it survives the process being killed). Started by
 * historyWriter.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { putBack } from './bigStrings'
import { EntryWriter } from './entryWriter'
import { injectedHistoryFault } from './historyWriteFailure'
import type { FromHistoryWriter, HistoryWriterData, ToHistoryWriter } from './historyWriterMessages'
import { Sqlite, sqliteCode } from './sqlite'

const { file } = workerData as HistoryWriterData
const db = new Sqlite(file)
// As the store's connection (openHistoryDb.ts): wait for another writer (the main
// thread, the CLI beside the app) instead of failing at once.
db.exec(`PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;`)
const fault = injectedHistoryFault()
if (fault) db.exec(fault)
const writer = new EntryWriter(db, Date.now)

const post = (message: FromHistoryWriter) => parentPort!.postMessage(message)

type AppendMessage = Extract<ToHistoryWriter, { type: 'append' }>
/** The append whose long strings are still arriving, and their slices so far. */
let arriving: { message: AppendMessage; slices: string[][] } | null = null

function write({ id, input, settings }: AppendMessage): void {
  try {
    const [summary] = writer.append([input], settings)
    post({ type: 'appended', id, summary: summary! })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    post({ type: 'failed', id, message: text, code: sqliteCode(error) })
  }
}

parentPort!.on('message', (message: ToHistoryWriter) => {
  switch (message.type) {
    case 'append':
      if (message.taken.length === 0) write(message)
      else arriving = { message, slices: message.taken.map(() => []) }
      return
    case 'slice':
      arriving?.slices[message.index]!.push(message.text)
      return
    case 'end': {
      if (!arriving) return
      const { message: append, slices } = arriving
      arriving = null
      append.taken.forEach((path, i) => putBack(append.input, path, slices[i]!.join('')))
      write(append)
      return
    }
    case 'close':
      db.close()
      post({ type: 'closed' })
  }
})

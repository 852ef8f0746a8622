// Run by bench/history.ts in a fresh process: prints the ms that opening the history
// store and reading its first page take (the module is loaded first, not timed).
import { HistoryStore } from '../electron/core/history/historyStore'

const dir = process.argv[2]
if (!dir) throw new Error('usage: historyColdStart.ts DATA_DIR')
const started = performance.now()
const store = HistoryStore.open(dir, { notice: (m) => console.error(m) })
const page = store.list({ limit: 100 })
const elapsed = performance.now() - started
if (page.entries.length !== 100) throw new Error('the first page is not full')
store.close()
console.log(elapsed.toFixed(3))

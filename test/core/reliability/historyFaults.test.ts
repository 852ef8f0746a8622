import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { entry, ok, openStore, tempDataDir } from '../history/helpers'

/**
 * history.db on a full or read-only disk. SQLite does its own file I/O, beyond a fault
 * injected into node:fs, so the fault is SQLite's own (COURIER_FAULT_HISTORY, see
 * historyWriteFailure.ts): the file may not grow, or may not be written at all. An append
 * on the writer thread (the app) and on the calling thread (the command line) each fail
 * with an error that names the file, says what is wrong and what to do, and the history
 * kept so far is byte-identical and intact.
 */
afterEach(() => {
  delete process.env.COURIER_FAULT_HISTORY
})

const FAULTS = [
  { fault: 'full', says: /history \(.*history\.db\): the disk is full\. Free some space/ },
  { fault: 'read-only', says: /history \(.*history\.db\): the history is read-only .*writable/ },
] as const

/** A history of 20 sends, closed (so everything is in history.db itself). */
async function filledHistory(): Promise<string> {
  const dataDir = tempDataDir()
  const { store } = openStore(dataDir)
  store.appendBatch(
    Array.from({ length: 20 }, (_, i) =>
      entry({ at: 1000 + i, result: ok({ url: `https://api.example.com/kept/${i}` }) }),
    ),
  )
  await store.closeAsync()
  return dataDir
}

const bigEntry = () =>
  entry({ at: 5000, result: ok({ url: 'https://api.example.com/new', body: 'n'.repeat(200_000) }) })

describe('history.db on a full or read-only disk', () => {
  it.each(FAULTS)(
    '$fault: appends fail clearly, the history stays as it was',
    async ({ fault, says }) => {
      const dataDir = await filledHistory()
      const file = join(dataDir, 'history.db')
      const before = readFileSync(file)

      process.env.COURIER_FAULT_HISTORY = fault
      const { store } = openStore(dataDir, { writerThread: {} })
      // The app's path: the writer thread (it inherits the fault with the environment).
      const threaded = await store.appendAsync(bigEntry()).then(
        () => null,
        (e: unknown) => e as Error,
      )
      expect(threaded?.message).toMatch(says)
      expect(threaded?.message).toMatch(/The history kept so far is unchanged\.$/)
      // The command line's path: this thread.
      expect(() => store.append(bigEntry())).toThrow(says)
      await store.closeAsync()
      delete process.env.COURIER_FAULT_HISTORY

      expect(readFileSync(file).equals(before)).toBe(true)
      const db = new Sqlite(file)
      expect(db.scalar('PRAGMA integrity_check')).toBe('ok')
      expect(db.scalar('SELECT count(*) FROM entries')).toBe(20)
      db.close()
    },
  )
})

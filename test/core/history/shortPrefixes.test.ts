import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toEntryRecord } from '../../../electron/core/history/entryRecord'
import { encodeRecord, insertEntry } from '../../../electron/core/history/entryRows'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { migrate } from '../../../electron/core/history/schema'
import { SHARD_ENTRIES } from '../../../electron/core/history/searchShards'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { seededRandom } from '../../seededRandom'
import { entry, ok, openStore, tempDataDir } from './helpers'

interface Placed {
  id: number
  at: number
  words: string[]
}

// None of these words, nor their first letters, is in the rest of an entry (URL, headers).
const WORDS = ['quokka', 'quail', 'qi', 'q', 'zebu', 'aqua', 'iraq', 'zq']

/** Inserts an entry with this id, send time and body words, as the store writes one. */
function place(db: Sqlite, { id, at, words }: Placed): void {
  const body = JSON.stringify({ note: words.join(' ') })
  const record = toEntryRecord(entry({ at, result: ok({ body }) }), 1e7)
  db.transaction(() => insertEntry(db, { ...encodeRecord(record, false), id }))
}

/** Every entry matching `text` as the store pages through it, `limit` at a time. */
function allPages(store: HistoryStore, text: string, limit: number): number[] {
  const seen: number[] = []
  let page = store.list({ text, limit })
  seen.push(...page.entries.map((e) => e.id))
  while (page.next) {
    page = store.list({ text, limit, before: page.next })
    seen.push(...page.entries.map((e) => e.id))
  }
  return seen
}

const newestFirst = (a: Placed, b: Placed) => b.at - a.at || b.id - a.id

/** The ids whose body has, for each typed word, a word starting with it; newest first. */
function expectedIds(placed: readonly Placed[], text: string, whole = false): number[] {
  const typed = text.split(' ')
  return placed
    .filter((p) =>
      typed.every((t) => p.words.some((w) => (whole && t.length < 3 ? w === t : w.startsWith(t)))),
    )
    .sort(newestFirst)
    .map((p) => p.id)
}

describe('search for words of one or two characters', () => {
  it('matches them as prefixes of words (not inside words), newest first, page by page, across shards', () => {
    const next = seededRandom(7)
    const dataDir = tempDataDir()
    const db = new Sqlite(join(dataDir, 'history.db'))
    db.exec('PRAGMA journal_mode = WAL')
    migrate(db)
    const placed: Placed[] = []
    const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    for (const base of [SHARD_ENTRIES - 6, 2 * SHARD_ENTRIES + 3]) {
      for (let i = 0; i < 12; i++) ids.push(base + i)
    }
    for (const id of ids) {
      const words = WORDS.filter(() => next() < 0.35)
      // Send times out of id order, some equal.
      const at = next() < 0.15 ? 5_000 : 1_000 + id * 3 + Math.floor(next() * 200_000)
      const p = { id, at, words: words.length > 0 ? words : ['zebu'] }
      place(db, p)
      placed.push(p)
    }
    db.close()
    const { store } = openStore(dataDir)
    for (const text of ['q', 'qu', 'z', 'zq', 'qua', 'q z', 'qi zq', 'ir', 'iq']) {
      const expected = expectedIds(placed, text)
      for (const limit of [1, 4, 100]) {
        expect(allPages(store, text, limit), `"${text}", pages of ${limit}`).toEqual(expected)
      }
    }
    // The checks above are not vacuous: short prefixes found entries only they match.
    expect(expectedIds(placed, 'q').length).toBeGreaterThan(expectedIds(placed, 'q', true).length)
    expect(store.list({ text: 'x', limit: 100 }).entries.map((e) => e.id)).toEqual(
      store.list({ text: 'x-request', limit: 100 }).entries.map((e) => e.id),
    )
    store.close()
  })

  it('migrates a schema 6 history: entries kept and found, its short words matched whole', () => {
    const dataDir = tempDataDir()
    const db = new Sqlite(join(dataDir, 'history.db'))
    db.exec('PRAGMA journal_mode = WAL')
    migrate(db, 6)
    const old: Placed[] = [
      { id: 1, at: 100, words: ['quokka'] },
      { id: 2, at: 300, words: ['q', 'zebu'] },
      { id: 3, at: 200, words: ['qi'] },
      { id: 4, at: 900, words: ['quail', 'q'] },
    ]
    for (const p of old) place(db, p)
    db.close()

    const { store, notices } = openStore(dataDir)
    expect(notices).toEqual([])
    expect(store.list({ limit: 100 }).entries.map((e) => e.id)).toEqual([4, 2, 3, 1])
    const added: Placed[] = [
      { id: 5, at: 400, words: ['quokka', 'qi'] },
      { id: 6, at: 50, words: ['zebu'] },
      { id: 7, at: 1000, words: ['quail'] },
    ]
    for (const p of added) {
      const body = JSON.stringify({ note: p.words.join(' ') })
      expect(store.append(entry({ at: p.at, result: ok({ body }) })).id).toBe(p.id)
    }
    const both = [...old, ...added]
    for (const limit of [1, 2, 100]) {
      // Words of three characters or more match as prefixes everywhere.
      expect(allPages(store, 'quo', limit)).toEqual(expectedIds(both, 'quo'))
      // One or two: as prefixes in entries kept since, as whole words in those before.
      expect(allPages(store, 'q', limit)).toEqual(
        [...expectedIds(old, 'q', true), ...expectedIds(added, 'q')]
          .map((id) => both.find((p) => p.id === id)!)
          .sort(newestFirst)
          .map((p) => p.id),
      )
    }
    expect(allPages(store, 'q', 100)).toEqual([7, 4, 5, 2])
    expect(store.get(1).response?.body).toBe('{"note":"quokka"}')
    expect(store.deleteMatching({ text: 'quokka' })).toBe(2)
    expect(store.list({ text: 'quokka' }).entries).toEqual([])
    expect(store.list({ text: 'zebu', limit: 100 }).entries.map((e) => e.id)).toEqual([2, 6])
    store.close()

    const check = new Sqlite(join(dataDir, 'history.db'))
    try {
      expect(check.scalar('PRAGMA user_version')).toBe(7)
      expect(
        check.all(
          'SELECT name, first_id, last_id, short_prefixes FROM search_shards ORDER BY last_id',
        ),
      ).toEqual([
        { name: 'entries_fts', first_id: 0, last_id: 0, short_prefixes: 0 },
        { name: 'entries_fts_0', first_id: 1, last_id: 4, short_prefixes: 0 },
        { name: 'entries_fts_p0', first_id: 5, last_id: SHARD_ENTRIES - 1, short_prefixes: 1 },
      ])
    } finally {
      check.close()
    }
  })
})

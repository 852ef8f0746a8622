import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toEntryRecord } from '../../../electron/core/history/entryRecord'
import { encodeRecord, insertEntry } from '../../../electron/core/history/entryRows'
import { toMatchQuery } from '../../../electron/core/history/matchQuery'
import { migrate } from '../../../electron/core/history/schema'
import { SHARD_ENTRIES } from '../../../electron/core/history/searchShards'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { MAX_LATE_ENTRIES, newestMatching } from '../../../electron/core/history/textSearch'
import { entry, ok, openStore, tempDataDir } from './helpers'
import { seededRandom } from '../../seededRandom'

interface Placed {
  id: number
  at: number
  word: string
}

/** Inserts an entry with this id, send time and body word, as the store writes one. */
function place(db: Sqlite, { id, at, word }: Placed): void {
  const record = toEntryRecord(entry({ at, result: ok({ body: `{"note":"${word}"}` }) }), 1e7)
  db.transaction(() => insertEntry(db, { ...encodeRecord(record, false), id }))
}

/**
 * A history with entries under schema 5 (the one index, entries_fts) and, after the
 * migration, in several shards: ids spread over them, send times that do not follow the
 * ids (a slow send kept after a quick one, a clock set back), some equal.
 */
function scatteredHistory(seed: number) {
  const next = seededRandom(seed)
  const dataDir = tempDataDir()
  const db = new Sqlite(join(dataDir, 'history.db'))
  db.exec('PRAGMA journal_mode = WAL')
  const placed: Placed[] = []
  const add = (id: number) => {
    const at = 1_000_000 + id * 10 + Math.floor((next() - 0.7) * 400_000)
    const word = next() < 0.6 ? 'pelican' : 'walrus'
    // Some sent at the same time; a few with a clock far ahead (found through lateMatches).
    const roll = next()
    const p = { id, at: roll < 0.1 ? 1_000_000 : roll > 0.97 ? 9e12 + id : at, word }
    place(db, p)
    placed.push(p)
  }
  migrate(db, 5)
  for (let id = 1; id <= 40; id++) add(id)
  migrate(db)
  for (const base of [SHARD_ENTRIES - 20, 2 * SHARD_ENTRIES, 3 * SHARD_ENTRIES + 7]) {
    for (let i = 0; i < 40; i++) add(base + i)
  }
  db.close()
  return { dataDir, placed }
}

const newestFirst = (a: Placed, b: Placed) => b.at - a.at || b.id - a.id

describe('search over shards of the index', () => {
  it('pages through every match newest first, across shards and the index of schema 5', () => {
    for (const seed of [1, 2, 3]) {
      const { dataDir, placed } = scatteredHistory(seed)
      const { store } = openStore(dataDir)
      for (const word of ['pelican', 'pel', 'walrus']) {
        const expected = placed
          .filter((p) => p.word.startsWith(word))
          .sort(newestFirst)
          .map((p) => p.id)
        for (const limit of [1, 3, 7, 100]) {
          const seen: number[] = []
          let page = store.list({ text: word, limit })
          seen.push(...page.entries.map((e) => e.id))
          while (page.next) {
            page = store.list({ text: word, limit, before: page.next })
            seen.push(...page.entries.map((e) => e.id))
          }
          expect(seen, `seed ${seed}, "${word}", pages of ${limit}`).toEqual(expected)
        }
      }
      store.close()
    }
  })

  it('takes every match and sorts them when too many entries are out of id order', () => {
    const { dataDir, placed } = scatteredHistory(5)
    openStore(dataDir).store.close()
    const db = new Sqlite(join(dataDir, 'history.db'))
    try {
      for (const maxLate of [0, 1, MAX_LATE_ENTRIES]) {
        for (const want of [1, 5, 500]) {
          const ids = newestMatching(
            db,
            toMatchQuery('pel')!,
            { sql: [], params: [] },
            want,
            maxLate,
          )
          expect(
            ids.map((r) => r.id),
            `${want} with at most ${maxLate} late`,
          ).toEqual(
            placed
              .filter((p) => p.word === 'pelican')
              .sort(newestFirst)
              .slice(0, want)
              .map((p) => p.id),
          )
        }
      }
    } finally {
      db.close()
    }
  })

  it('keeps filters with the text, and deletes what a search matches in every shard', () => {
    const { dataDir, placed } = scatteredHistory(4)
    const { store } = openStore(dataDir)
    const walruses = placed.filter((p) => p.word === 'walrus').sort(newestFirst)
    const recent = walruses[5]!.at
    expect(
      store.list({ text: 'walrus', from: recent, limit: 100 }).entries.map((e) => e.id),
    ).toEqual(walruses.filter((p) => p.at >= recent).map((p) => p.id))
    expect(store.deleteMatching({ text: 'walrus' })).toBe(walruses.length)
    expect(store.list({ text: 'walrus' }).entries).toEqual([])
    expect(store.list({ text: 'pelican', limit: 500 }).entries).toHaveLength(
      placed.length - walruses.length,
    )
    expect(store.clear()).toBe(placed.length - walruses.length)
    expect(store.list({ text: 'pelican' }).entries).toEqual([])
    store.close()
  })

  it('migrates a schema 5 history without indexing it again: its entries stay found', () => {
    const dataDir = tempDataDir()
    const db = new Sqlite(join(dataDir, 'history.db'))
    migrate(db, 5)
    place(db, { id: 3, at: 500, word: 'ocelot' })
    db.close()
    const { store } = openStore(dataDir)
    const added = store.append(entry({ at: 900, result: ok({ body: '{"note":"ocelot"}' }) }))
    expect(added.id).toBe(4)
    expect(store.list({ text: 'ocel' }).entries.map((e) => e.id)).toEqual([4, 3])
    store.close()
    const check = new Sqlite(join(dataDir, 'history.db'))
    try {
      expect(
        check.all('SELECT name, first_id, last_id FROM search_shards ORDER BY last_id'),
      ).toEqual([
        { name: 'entries_fts', first_id: 0, last_id: 3 },
        // Schema 7 follows at once: new entries go to shards indexing short prefixes.
        { name: 'entries_fts_p0', first_id: 4, last_id: SHARD_ENTRIES - 1 },
      ])
    } finally {
      check.close()
    }
  })
})

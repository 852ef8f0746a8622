import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { entry, ok, openStore } from './helpers'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2025, 5, 1)
let clock = NOW
const stores: HistoryStore[] = []
afterEach(() => {
  stores.splice(0).forEach((s) => s.close())
  clock = NOW
})

function store(): HistoryStore {
  const { store } = openStore(undefined, { now: () => clock })
  stores.push(store)
  return store
}
const count = (s: HistoryStore) => s.list({ limit: 500 }).entries.length
const unlimited = {
  maxDays: null,
  maxEntries: null,
  maxMegabytes: null,
  maxBodyBytes: 10 * 1024 * 1024,
}

describe('retention', () => {
  it('keeps everything by default', () => {
    const s = store()
    expect(s.getRetention()).toEqual(unlimited)
    for (let i = 0; i < 120; i++) s.append(entry({ at: NOW - 400 * DAY + i }))
    expect(count(s)).toBe(120)
  })

  it('drops entries older than N days', () => {
    const s = store()
    const old = s.append(entry({ at: NOW - 10 * DAY })).id
    const recent = s.append(entry({ at: NOW - 2 * DAY })).id
    s.setRetention({ ...unlimited, maxDays: 7 })
    expect(s.list().entries.map((e) => e.id)).toEqual([recent])
    expect(() => s.get(old)).toThrow()
  })

  it('keeps the newest N entries', () => {
    const s = store()
    const all = Array.from({ length: 30 }, (_, i) => s.append(entry({ at: NOW - 1000 + i })).id)
    s.setRetention({ ...unlimited, maxEntries: 10 })
    expect(s.list().entries.map((e) => e.id)).toEqual(all.slice(-10).reverse())
  })

  it('drops the oldest entries until the rest fit in N MB', () => {
    const s = store()
    // Random bytes do not compress: each entry keeps about 300 KB.
    const all = Array.from(
      { length: 8 },
      (_, i) =>
        s.append(
          entry({
            at: NOW - 100 + i,
            result: ok({ body: randomBytes(300_000).toString('base64'), bodyEncoding: 'base64' }),
          }),
        ).id,
    )
    s.setRetention({ ...unlimited, maxMegabytes: 1 })
    const left = s.list().entries.map((e) => e.id)
    expect(left).toEqual(all.slice(-left.length).reverse())
    expect(left.length).toBe(3)
  })

  it('is applied after appends: every 100 appends or once a minute', () => {
    const s = store()
    s.setRetention({ ...unlimited, maxEntries: 5 })
    for (let i = 0; i < 99; i++) s.append(entry({ at: NOW + i }))
    expect(count(s)).toBe(99)
    s.append(entry({ at: NOW + 99 }))
    expect(count(s)).toBe(5)
    s.append(entry({ at: NOW + 100 }))
    expect(count(s)).toBe(6)
    clock += 61_000
    s.append(entry({ at: NOW + 101 }))
    expect(count(s)).toBe(5)
  })

  it('is kept in the database', () => {
    const { store: s, dataDir } = openStore()
    s.setRetention({ ...unlimited, maxDays: 30, maxBodyBytes: 4096 })
    s.close()
    const again = openStore(dataDir).store
    stores.push(again)
    expect(again.getRetention()).toEqual({ ...unlimited, maxDays: 30, maxBodyBytes: 4096 })
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { entry, ok, openStore, spec, tempDataDir } from './helpers'

const stores: HistoryStore[] = []
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.closeAsync()))
})

/** A store whose appendAsync writes on the writer thread (from source, through tsx). */
function threaded(dataDir = tempDataDir()) {
  const opened = openStore(dataDir, { writerThread: {} })
  stores.push(opened.store)
  return opened
}

describe('history writer thread', () => {
  it('writes appends in the order made, each answered once it is in the file', async () => {
    const { store } = threaded()
    const summaries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.appendAsync(
          entry({ at: 1000 + i, result: ok({ url: `https://api.example.com/o/${i}` }) }),
        ),
      ),
    )
    const ids = summaries.map((s) => s.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(summaries.map((s) => s.url)).toEqual(
      Array.from({ length: 20 }, (_, i) => `https://api.example.com/o/${i}`),
    )
    // Read on this thread's own connection: committed by the other.
    expect(store.list({ limit: 100 }).entries.map((e) => e.id)).toEqual([...ids].reverse())
    expect(store.get(ids[3]!).response?.url).toBe('https://api.example.com/o/3')
    expect(store.list({ text: 'o/7' }).entries.map((e) => e.id)).toEqual([ids[7]])
  })

  it('masks, cuts and compresses there as on this thread', async () => {
    const { store } = threaded()
    store.setRetention({ ...store.getRetention(), maxBodyBytes: 1024 })
    const body = JSON.stringify({ token: 's3cr3t-value', pad: 'z'.repeat(5000) })
    const { id } = await store.appendAsync(
      entry({
        spec: spec({
          headers: [{ key: 'Authorization', value: 'Bearer s3cr3t-value', enabled: true }],
        }),
        result: ok({
          body,
          sent: {
            method: 'GET',
            url: 'https://api.example.com/users/1',
            headers: [['Authorization', 'Bearer s3cr3t-value']],
            bodySummary: 'no body',
          },
        }),
      }),
    )
    const kept = store.get(id)
    expect(kept.truncated).toBe(true)
    expect(kept.response!.body.length).toBeLessThanOrEqual(1024)
    expect(JSON.stringify(kept)).not.toContain('s3cr3t-value')
    expect(store.list({ text: 's3cr3t' }).entries).toEqual([])
  })

  it('carries megabytes of body over in slices, whole and in order with the appends around it', async () => {
    const { store } = threaded()
    const big = Array.from({ length: 300_000 }, (_, i) => `w${i}`).join(' ')
    const [before, kept, after] = await Promise.all([
      store.appendAsync(entry({ result: ok({ body: 'before' }) })),
      store.appendAsync(
        entry({
          spec: spec({ method: 'POST', body: { type: 'raw', text: `${big} request` } }),
          result: ok({ body: `${big} response` }),
        }),
      ),
      store.appendAsync(entry({ result: ok({ body: 'after' }) })),
    ])
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024)
    expect([before!.id, kept!.id, after!.id]).toEqual([before!.id, before!.id + 1, before!.id + 2])
    const entry2 = store.get(kept!.id)
    expect(entry2.response!.body).toBe(`${big} response`)
    expect(entry2.sentBody).toBe(`${big} request`)
    expect(store.list({ text: 'w1000' }).entries.map((e) => e.id)).toEqual([kept!.id])
  })

  it('writes every append made before closeAsync, then closes', async () => {
    const dataDir = tempDataDir()
    const { store } = openStore(dataDir, { writerThread: {} })
    const appends = Array.from({ length: 30 }, (_, i) =>
      store.appendAsync(entry({ at: 5000 + i, result: ok({ body: `{"n":${i}}` }) })),
    )
    await store.closeAsync()
    await expect(Promise.all(appends)).resolves.toHaveLength(30)
    const db = new Sqlite(`${dataDir}/history.db`)
    try {
      expect(db.scalar('SELECT count(*) FROM entries')).toBe(30)
    } finally {
      db.close()
    }
  })

  it('reports a write that fails with what SQLite said, and writes none of it', async () => {
    const { store, dataDir } = threaded()
    await store.appendAsync(entry())
    // Another connection takes a table of the search index away: the insert fails half-way.
    const other = new Sqlite(`${dataDir}/history.db`)
    try {
      other.exec('DROP TABLE at_blocks')
    } finally {
      other.close()
    }
    await expect(store.appendAsync(entry({ result: ok({ body: 'lost' }) }))).rejects.toThrow(
      /at_blocks/,
    )
    expect(store.list({ limit: 100 }).entries).toHaveLength(1)
  })
})

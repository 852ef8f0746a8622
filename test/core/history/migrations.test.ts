import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../electron/core/history/historyStore'
import { migrate, NewerHistoryError, SCHEMA_VERSION } from '../../../electron/core/history/schema'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { emptyRunStats } from '../../../shared/model/run'
import { entry, openStore, tempDataDir } from './helpers'

/**
 * A history written by the schema v3 HistoryStore (as of commit 64fd7e0, the last to
 * change it) through append() and setRetention(): three sends (one with tests and a
 * masked bearer token, one CLI transport error, one 404) and a retention setting.
 */
const V3_FIXTURE = join(import.meta.dirname, 'fixtures', 'history-v3.db')

/** A database as the first schema left it, with one entry written the way v1 wrote them. */
function firstSchemaDatabase(): string {
  const dataDir = tempDataDir()
  const db = new Sqlite(join(dataDir, 'history.db'))
  db.exec('PRAGMA journal_mode = WAL')
  migrate(db, 1)
  const detail = {
    edited: null,
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      url: 'https://old.example.com/a',
      headers: [['Content-Type', 'text/plain']],
      bodyEncoding: 'utf8',
      mediaType: 'text/plain',
      charset: 'utf-8',
      sizes: { headers: 40, body: 11, encodedBody: 11 },
      redirects: [],
      timings: { dns: 0, connect: 0, tls: 0, firstByte: 5, download: 1, total: 6 },
      sent: {
        method: 'GET',
        url: 'https://old.example.com/a',
        headers: [],
        bodySummary: 'no body',
      },
    },
    error: null,
    sentOnError: null,
  }
  db.transaction(() => {
    db.run(
      `INSERT INTO entries (id, at, source, method, url, host, status, status_class, duration_ms,
        size_bytes) VALUES (7, 1000, 'app', 'GET', 'https://old.example.com/a', 'old.example.com', 200, '2xx', 6, 11)`,
    )
    db.run(`INSERT INTO entry_parts VALUES (7, 'detail', 'identity', ?)`, [
      Buffer.from(JSON.stringify(detail)),
    ])
    db.run(`INSERT INTO entry_parts VALUES (7, 'response_body', 'identity', ?)`, [
      Buffer.from('old history'),
    ])
    db.run(
      `INSERT INTO entries_fts (rowid, url, request_headers, response_headers, request_body, response_body)
        VALUES (7, 'https://old.example.com/a', '', 'Content-Type: text/plain', '', 'old history')`,
    )
  })
  expect(db.scalar('PRAGMA user_version')).toBe(1)
  db.close()
  return dataDir
}

describe('history schema migrations', () => {
  it('opens a database of the first schema with its entries intact', () => {
    const { store, dataDir, notices } = openStore(firstSchemaDatabase())
    expect(notices).toEqual([])
    expect(store.list().entries.map((e) => e.id)).toEqual([7])
    expect(store.list({ text: 'old history' }).entries).toHaveLength(1)
    expect(store.get(7).response?.body).toBe('old history')
    // v3: an entry from before tests existed ran none.
    expect(store.list().entries[0]).toMatchObject({ testsTotal: null, testsFailed: null })
    expect(store.get(7).checks).toBeNull()
    const next = store.append({
      at: 2000,
      source: 'cli',
      context: { ...store.get(7), edited: null, secretNames: [] },
      spec: null,
      result: { ok: false, error: { code: 'DNS', message: 'x', hint: 'y' } },
    })
    expect(next.id).toBe(8)
    store.close()
    const db = new Sqlite(join(dataDir, 'history.db'))
    expect(db.scalar('PRAGMA user_version')).toBe(SCHEMA_VERSION)
    // v2's size of each entry was worked out for the old one.
    expect(Number(db.scalar('SELECT stored_bytes FROM entries WHERE id = 7'))).toBeGreaterThan(256)
    db.close()
  })

  it('migrates a v3 history in place: its sends, settings and search intact, runs kept after', async () => {
    const dataDir = tempDataDir()
    copyFileSync(V3_FIXTURE, join(dataDir, 'history.db'))
    const before = new Sqlite(join(dataDir, 'history.db'))
    expect(before.scalar('PRAGMA user_version')).toBe(3)
    before.close()

    const { store, notices } = openStore(dataDir)
    expect(notices).toEqual([])
    const old = store.list().entries
    expect(old.map((e) => [e.method, e.url, e.status, e.source])).toEqual([
      ['GET', 'https://api.example.com/users/2', 404, 'app'],
      ['GET', '', null, 'cli'],
      ['GET', 'https://api.example.com/users/1', 200, 'app'],
    ])
    // Sent on their own before runs existed: all of them stay in the unfiltered list.
    expect(old.every((e) => e.runId === null)).toBe(true)
    expect(store.list({ outsideRuns: true }).entries).toHaveLength(3)
    expect(old[2]).toMatchObject({ testsTotal: 2, testsFailed: 1, environment: 'staging' })
    expect(store.get(old[2]!.id).response?.sent.headers).toContainEqual([
      'Authorization',
      'Bearer ••••••',
    ])
    expect(store.list({ text: 'Jane' }).entries.map((e) => e.id)).toEqual([old[2]!.id])
    expect(store.getRetention().maxEntries).toBe(5000)
    expect(store.listRuns()).toEqual({ runs: [], next: null })

    store.begin({ runId: 'after-migration', name: 'Users', startedAt: 5000 })
    const id = await store.keep('after-migration', entry({ at: 5001 }))
    store.end({ ...summaryOf('after-migration'), finishedAt: 5002 })
    expect(id).toBeGreaterThan(Math.max(...old.map((e) => e.id)))
    expect(store.listRuns().runs.map((r) => [r.name, r.sends])).toEqual([['Users', 1]])
    expect(store.list({ outsideRuns: true }).entries).toHaveLength(3)
    store.close()
    const db = new Sqlite(join(dataDir, 'history.db'))
    expect(db.scalar('PRAGMA user_version')).toBe(SCHEMA_VERSION)
    db.close()
  })

  it('leaves a database of a newer Courier untouched and says so', () => {
    const dataDir = tempDataDir()
    const db = new Sqlite(join(dataDir, 'history.db'))
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => HistoryStore.open(dataDir, { notice: () => {} })).toThrow(NewerHistoryError)
    const notices: string[] = []
    expect(HistoryStore.tryOpen(dataDir, { notice: (m) => notices.push(m) })).toBeNull()
    expect(notices[0]).toMatch(/newer Courier.*Update Courier/)
  })
})

function summaryOf(runId: string) {
  return {
    runId,
    name: 'Users',
    startedAt: 5000,
    finishedAt: 5000,
    stats: emptyRunStats(),
    failures: [],
    end: 'completed' as const,
    endMessage: null,
    averageResponseMs: 0,
    totalBytes: 0,
  }
}

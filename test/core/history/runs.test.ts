import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { emptyRunStats, type RunFailure, type RunSummary } from '../../../shared/model/run'
import { context, entry, failed, ok, openStore } from './helpers'

const stores: HistoryStore[] = []
afterEach(() => stores.splice(0).forEach((s) => s.close()))

function store(options: Parameters<typeof openStore>[1] = {}) {
  const opened = openStore(undefined, options)
  stores.push(opened.store)
  return opened
}

function summary(runId: string, over: Partial<RunSummary> = {}): RunSummary {
  return {
    runId,
    name: 'Users',
    startedAt: 1000,
    finishedAt: 9000,
    stats: emptyRunStats(),
    failures: [],
    end: 'completed',
    endMessage: null,
    averageResponseMs: 20,
    totalBytes: 100,
    ...over,
  }
}

const failure = (execution: number): RunFailure => ({
  execution,
  iteration: 0,
  item: { id: 'a', name: 'Get user', path: 'Users/Get user' },
  kind: 'assertion',
  name: 'status is 200',
  message: 'expected 404 to equal 200',
})

/** Keeps `count` sends of the run, each a second apart from `at`. */
async function keepSends(s: HistoryStore, runId: string, count: number, at = 1000) {
  const ids: (number | null)[] = []
  for (let i = 0; i < count; i++) {
    ids.push(
      await s.keep(runId, entry({ at: at + i, result: ok({ url: `http://api.test/${i}` }) })),
    )
  }
  return ids as number[]
}

describe('runs in history', () => {
  it('keeps a run with its sends: listed as running, then with its outcome', async () => {
    const { store: s } = store()
    s.begin({ runId: 'r1', name: 'Users', startedAt: 1000 })
    expect(s.listRuns().runs).toMatchObject([
      { runId: 'r1', name: 'Users', running: true, finishedAt: null, sends: 0, stats: null },
    ])
    const first = await s.keep(
      'r1',
      entry({ at: 1001, context: context({ workspace: '/ws', environment: 'staging' }) }),
    )
    const second = await s.keep('r1', entry({ at: 1002, result: failed('REFUSED') }))
    expect(s.getRun('r1')).toMatchObject({
      sends: 2,
      failedRequests: 1,
      source: 'app',
      workspace: '/ws',
      environment: 'staging',
    })
    const stats = { ...emptyRunStats(), requests: { total: 2, failed: 1 } }
    s.end(summary('r1', { stats, failures: [failure(1), { ...failure(1), kind: 'request' }] }))

    expect(s.getRun('r1')).toMatchObject({
      running: false,
      finishedAt: 9000,
      end: 'completed',
      stats,
      failures: 2,
      failedRequests: 1,
      sends: 2,
    })
    const detail = s.runEntries({ runId: 'r1' })
    expect(detail.entries.map((e) => [e.id, e.runId, e.status])).toEqual([
      [first, 'r1', 200],
      [second, 'r1', null],
    ])
    expect(s.get(first!).runId).toBe('r1')
  })

  it('answers each send with its entry id at once and writes them in batches', async () => {
    const { store: s, dataDir } = store()
    // Another connection to the file, as the CLI beside the app: it sees committed rows only.
    const other = new Sqlite(join(dataDir, 'history.db'))
    const committed = () => Number(other.scalar('SELECT count(*) FROM entries'))
    s.begin({ runId: 'big', name: 'Big', startedAt: 1000 })
    const ids = await keepSends(s, 'big', 199)
    expect(new Set(ids).size).toBe(199)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(committed()).toBe(0)
    await keepSends(s, 'big', 1, 2000)
    expect(committed()).toBe(200)
    await keepSends(s, 'big', 50, 3000)
    expect(committed()).toBe(200)
    // Reading through the store writes what is pending first.
    expect(s.get(ids[10]!).url).toBe('http://api.test/10')
    expect(committed()).toBe(250)
    other.close()
  })

  it('writes a slow run’s sends soon, without waiting for a batch to fill', async () => {
    const { store: s, dataDir } = store()
    const other = new Sqlite(join(dataDir, 'history.db'))
    s.begin({ runId: 'slow', name: 'Slow', startedAt: 1000 })
    await keepSends(s, 'slow', 3)
    await expect.poll(() => Number(other.scalar('SELECT count(*) FROM entries'))).toBe(3)
    other.close()
  })

  it('never hands out an id another writer of the same file takes', async () => {
    const { store: s, dataDir } = store()
    const { store: cli } = openStore(dataDir)
    stores.push(cli)
    s.begin({ runId: 'r', name: 'Users', startedAt: 1000 })
    const before = await keepSends(s, 'r', 3)
    const alone = cli.append(entry({ at: 1500 })).id
    const after = await keepSends(s, 'r', 3, 2000)
    s.end(summary('r'))
    expect([...before, ...after]).not.toContain(alone)
    expect(s.runEntries({ runId: 'r' }).entries.map((e) => e.id)).toEqual([...before, ...after])
    expect(cli.list({ outsideRuns: true }).entries.map((e) => e.id)).toEqual([alone])
  })

  it('lists runs newest first a page at a time, beside the sends made on their own', async () => {
    const { store: s } = store()
    for (let i = 0; i < 5; i++) {
      s.begin({ runId: `run-${i}`, name: `Run ${i}`, startedAt: 1000 * i })
      await keepSends(s, `run-${i}`, 2, 1000 * i)
      s.end(summary(`run-${i}`, { startedAt: 1000 * i }))
    }
    const loose = s.append(entry({ at: 2500 })).id
    const first = s.listRuns({ limit: 2 })
    expect(first.runs.map((r) => r.name)).toEqual(['Run 4', 'Run 3'])
    const second = s.listRuns({ limit: 2, before: first.next })
    expect(second.runs.map((r) => r.name)).toEqual(['Run 2', 'Run 1'])
    const third = s.listRuns({ limit: 2, before: second.next })
    expect(third).toMatchObject({ runs: [{ name: 'Run 0' }], next: null })

    expect(s.list({ outsideRuns: true }).entries.map((e) => e.id)).toEqual([loose])
    expect(s.list().entries).toHaveLength(11)
    // A search finds a run's sends like any other.
    expect(s.list({ text: 'api.test/1' }).entries.every((e) => e.runId !== null)).toBe(true)
  })

  it('pages through a run’s sends in the order they were sent', async () => {
    const { store: s } = store()
    s.begin({ runId: 'r', name: 'Users', startedAt: 1000 })
    // Sent in order, though the clock stepped back in the middle.
    const ids = [...(await keepSends(s, 'r', 3, 5000)), ...(await keepSends(s, 'r', 2, 1000))]
    s.end(summary('r'))
    const page = s.runEntries({ runId: 'r', limit: 3 })
    expect(page.entries.map((e) => e.id)).toEqual(ids.slice(0, 3))
    const rest = s.runEntries({ runId: 'r', limit: 3, after: page.next })
    expect(rest).toMatchObject({ next: null })
    expect(rest.entries.map((e) => e.id)).toEqual(ids.slice(3))
    expect(() => s.getRun('gone')).toThrow('The run gone is no longer in history.')
  })

  it('does not list a run that kept no send', () => {
    const { store: s } = store()
    s.begin({ runId: 'empty', name: 'Stopped at once', startedAt: 1000 })
    s.end(summary('empty', { end: 'stopped', endMessage: 'Stopped after 0 requests.' }))
    expect(s.listRuns().runs).toEqual([])
  })

  it('deletes a run with its sends, and refuses while it still runs', async () => {
    const { store: s } = store()
    const loose = s.append(entry({ at: 500 })).id
    s.begin({ runId: 'r', name: 'Users', startedAt: 1000 })
    const ids = await keepSends(s, 'r', 3)
    expect(() => s.deleteRun('r')).toThrow('This run is still going: stop it first')
    s.end(summary('r'))
    expect(s.deleteRun('r')).toBe(3)
    expect(s.listRuns().runs).toEqual([])
    expect(() => s.get(ids[0]!)).toThrow()
    expect(s.list({ text: 'api.test' }).entries).toEqual([])
    expect(s.list().entries.map((e) => e.id)).toEqual([loose])
  })

  it('drops a run once retention or a delete has taken all its sends', async () => {
    const { store: s } = store()
    for (const runId of ['old', 'new']) {
      s.begin({ runId, name: runId, startedAt: runId === 'old' ? 1000 : 5000 })
      await keepSends(s, runId, 3, runId === 'old' ? 1000 : 5000)
      s.end(summary(runId))
    }
    s.setRetention({ ...s.getRetention(), maxEntries: 4 })
    expect(s.listRuns().runs.map((r) => [r.runId, r.sends])).toEqual([
      ['new', 3],
      ['old', 1],
    ])
    s.delete(s.runEntries({ runId: 'old' }).entries.map((e) => e.id))
    expect(s.listRuns().runs.map((r) => r.runId)).toEqual(['new'])
    s.deleteMatching({ text: 'api.test' })
    expect(s.listRuns().runs).toEqual([])
  })

  it('clears runs with the rest; a run still going comes back with its next sends', async () => {
    const { store: s } = store()
    s.begin({ runId: 'done', name: 'Done', startedAt: 1000 })
    await keepSends(s, 'done', 2)
    s.end(summary('done'))
    s.begin({ runId: 'going', name: 'Going', startedAt: 2000 })
    await keepSends(s, 'going', 2, 2000)
    expect(s.clear()).toBe(4)
    expect(s.listRuns().runs).toEqual([])
    await keepSends(s, 'going', 1, 3000)
    s.end(summary('going', { startedAt: 2000 }))
    expect(s.listRuns().runs).toMatchObject([{ runId: 'going', name: 'Going', sends: 1 }])
  })

  it('says once, and never throws, when a run’s sends cannot be kept', async () => {
    const { store: s, notices } = store()
    s.begin({ runId: 'r', name: 'Users', startedAt: 1000 })
    stores.splice(stores.indexOf(s), 1)
    s.close()
    expect(await s.keep('r', entry())).toBeNull()
    expect(await s.keep('r', entry())).toBeNull()
    expect(() => s.end(summary('r'))).not.toThrow()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/^The run "Users" is not fully kept in history: /)
  })
})

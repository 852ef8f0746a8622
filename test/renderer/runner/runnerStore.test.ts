import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useRunnerStore } from '../../../renderer/src/stores/useRunnerStore'
import { useWorkspaceStore } from '../../../renderer/src/stores/useWorkspaceStore'
import type { RunStreamEvent } from '../../../shared/ipc'
import { createFakeApi } from '../fakeApi'
import { execution } from './runExecutions'

let fake: ReturnType<typeof createFakeApi>
beforeEach(async () => {
  setActivePinia(createPinia())
  fake = createFakeApi()
  provideApi(fake.api)
  const ws = fake.api.workspace
  await ws.createFolder({ parent: '', name: 'Users' })
  for (const name of ['A list', 'B get', 'C delete'])
    await ws.saveRequest({
      path: null,
      folder: 'Users',
      request: { name, method: 'GET', url: 'http://x' },
    })
  await ws.saveRequest({
    path: null,
    folder: '',
    request: { name: 'Health', method: 'GET', url: 'http://x' },
  })
  await useWorkspaceStore().load()
})

/** Plays a run's events as the Node side would, and waits for the store to apply them. */
async function play(runId: string, events: RunStreamEvent[]) {
  const runner = useRunnerStore()
  const before = runner.version
  fake.runs.emit({ runId, events })
  await vi.waitFor(() => expect(runner.version).toBeGreaterThan(before))
}

const startEvent = (runId: string): RunStreamEvent => ({
  type: 'start',
  runId,
  name: 'Users',
  iterations: 2,
  itemsPerIteration: 3,
  startedAt: 0,
})

describe('the Runner store', () => {
  it('runs a folder as saved, or the requests chosen in the order set', async () => {
    const runner = useRunnerStore()
    runner.openFor({ kind: 'folder', path: 'Users', name: 'Users' })
    expect(runner.items.map((i) => i.name)).toEqual(['A list', 'B get', 'C delete'])
    await runner.start()
    expect(fake.runs.started[0]).toMatchObject({
      scope: { kind: 'folder', path: 'Users' },
      iterations: 1,
      dataFile: null,
      keepCookies: true,
      bail: false,
    })
    runner.move(2, 0)
    runner.items[1]!.checked = false
    runner.options.dataFile = ' rows.csv '
    runner.options.delayMs = 250
    await runner.start()
    expect(fake.runs.started[1]).toMatchObject({
      scope: {
        kind: 'requests',
        paths: ['Users/C delete.request.json', 'Users/B get.request.json'],
        name: 'Users',
      },
      dataFile: 'rows.csv',
      delayMs: 250,
    })
    runner.chooseAll(false)
    await runner.start()
    expect(fake.runs.started).toHaveLength(2)
    expect(runner.error).toBe('Choose at least one request to run.')
  })

  it('reads a data file: its rows become the iterations', async () => {
    const runner = useRunnerStore()
    runner.openFor({ kind: 'workspace' })
    expect(runner.items.map((i) => i.name)).toEqual(['A list', 'B get', 'C delete', 'Health'])
    runner.options.dataFile = '/data/users.csv'
    await runner.readData()
    expect(runner.dataInfo).toEqual({ path: '/data/users.csv', columns: ['user', 'id'], rows: 2 })
    expect(runner.options.iterations).toBe(2)
  })

  it('applies a run’s events: progress, results, failures only, the summary, then reruns the failed', async () => {
    const runner = useRunnerStore()
    runner.openFor({ kind: 'folder', path: 'Users', name: 'Users' })
    await runner.start()
    const runId = fake.runs.started[0]!.runId
    // Another run's events (another window's) are not this run's.
    fake.runs.emit({
      runId: 'another-run',
      events: [startEvent('another-run'), { type: 'execution', execution: execution(9) }],
    })
    await play(runId, [
      startEvent(runId),
      { type: 'execution', execution: execution(0) },
      {
        type: 'execution',
        execution: execution(1, { path: 'Users/B get.request.json', failedTest: true }),
      },
    ])
    expect(runner.run).toMatchObject({ name: 'Users', phase: 'running', expected: 6 })
    expect(runner.rowCount).toBe(2)
    runner.failuresOnly = true
    expect(runner.rowCount).toBe(1)
    expect(runner.results.at(0, true)?.item.name).toBe('B get')
    expect(runner.canRerunFailed).toBe(false) // not while it runs

    await play(runId, [
      {
        type: 'execution',
        execution: execution(2, {
          iteration: 1,
          path: 'Users/B get.request.json',
          failedTest: true,
        }),
      },
    ])
    expect(runner.results.testsFailed).toBe(2)
    await play(runId, [
      {
        type: 'done',
        summary: {
          runId,
          name: 'Users',
          startedAt: 0,
          finishedAt: 1,
          stats: {
            iterations: { total: 2, failed: 0 },
            requests: { total: 3, failed: 0 },
            testScripts: { total: 3, failed: 0 },
            prerequestScripts: { total: 0, failed: 0 },
            assertions: { total: 5, failed: 2 },
          },
          failures: [],
          end: 'stopped',
          endMessage: 'Stopped after 3 requests.',
          averageResponseMs: 12,
          totalBytes: 60,
        },
      },
    ])
    expect(runner.run?.phase).toBe('ended')
    expect(runner.running).toBe(false)
    expect(runner.canRerunFailed).toBe(true)
    await runner.rerunFailed()
    expect(fake.runs.started[1]).toMatchObject({
      scope: { kind: 'requests', paths: ['Users/B get.request.json'], name: 'Users' },
      iterations: 1,
    })
    expect(fake.runs.started[1]!.runId).not.toBe(runId)
    expect(runner.results.done).toBe(0)
  })

  it('reads a row’s execution back whole, stops and exports the run', async () => {
    const runner = useRunnerStore()
    runner.openFor({ kind: 'workspace' })
    await runner.start()
    const runId = fake.runs.started[0]!.runId
    const whole = { ...execution(0), response: { ...execution(0).response!, body: '{"id":1}' } }
    fake.runs.keep(runId, whole)
    await runner.select(0)
    expect(runner.details?.response?.body).toBe('{"id":1}')
    await runner.select(5)
    expect(runner.details).toBeNull()
    expect(runner.error).toMatch(/No execution 5/)
    await runner.stop()
    expect(fake.runs.stopped).toEqual([runId])
    await runner.exportReport('junit')
    expect(fake.runs.exported).toEqual([{ runId, format: 'junit' }])
    expect(runner.exportNote).toBe('Report saved to /tmp/report.junit')
  })
})

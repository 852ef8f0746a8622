import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import HistoryPanel from '../../../renderer/src/components/history/HistoryPanel.vue'
import { mergeByTime, runLabel } from '../../../renderer/src/components/history/historyRuns'
import { useHistoryStore } from '../../../renderer/src/stores/useHistoryStore'
import type { HistoryEntry } from '../../../shared/model/history'
import type { HistoryRun } from '../../../shared/model/historyRuns'
import { emptyRunStats } from '../../../shared/model/run'
import { useFakeApi } from '../fakeApi'
import { byRole, queryByRole } from '../response/byRole'
import { execution } from '../runner/runExecutions'

const fake = useFakeApi()
const NOW = Date.now()

function send(id: number, at: number, runId: string | null, status = 200): HistoryEntry {
  return {
    id,
    at,
    method: 'GET',
    url: `http://api.test/users/${id}`,
    status,
    errorCode: null,
    durationMs: 5,
    sizeBytes: 10,
    workspace: null,
    workspaceName: null,
    environment: null,
    requestPath: null,
    source: 'app',
    testsTotal: 1,
    testsFailed: status === 200 ? 0 : 1,
    runId,
    edited: null,
    response: null,
    error: null,
    sentOnError: null,
    sentBody: null,
    truncated: false,
    checks: null,
  }
}

function run(over: Partial<HistoryRun> = {}): HistoryRun {
  return {
    runId: 'r1',
    name: 'Users',
    source: 'app',
    startedAt: NOW - 60_000,
    finishedAt: NOW - 1000,
    end: 'completed',
    endMessage: null,
    stats: { ...emptyRunStats(), requests: { total: 600, failed: 0 } },
    failures: 3,
    failedRequests: 3,
    averageResponseMs: 10,
    totalBytes: 100,
    workspace: null,
    workspaceName: null,
    environment: null,
    sends: 3,
    running: false,
    ...over,
  }
}

async function mountPanel() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(HistoryPanel, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  const rows = () => wrapper.findAll('ul[aria-label="History entries"] > li')
  return { wrapper, history: useHistoryStore(), rows }
}

/** A run of three sends between two sends made by hand. */
function seed(over: Partial<HistoryRun> = {}) {
  fake().historyEntries.push(
    send(1, NOW - 120_000, null),
    send(2, NOW - 59_000, 'r1'),
    send(3, NOW - 58_000, 'r1', 500),
    send(4, NOW - 57_000, 'r1'),
    send(5, NOW - 500, null),
  )
  fake().historyRuns.push(run(over))
}

describe('runs in the history panel', () => {
  it('shows a run as one row among the sends, its own sends not listed loose', async () => {
    seed()
    const { rows, wrapper } = await mountPanel()
    expect(rows().map((r) => r.attributes('aria-label'))).toEqual([
      'GET http://api.test/users/5',
      'Run: Users — 600 requests, 3 failed',
      'GET http://api.test/users/1',
    ])
    const toggle = byRole(wrapper, 'button', /^Run: Users — 600 requests, 3 failed, /)
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('ul[aria-label="Sends of run Users"]').exists()).toBe(false)
  })

  it('opens to its sends in the order sent, each opening like any history entry', async () => {
    seed()
    const { wrapper, history } = await mountPanel()
    const toggle = byRole(wrapper, 'button', /Run: Users/)
    await toggle.trigger('click')
    await flushPromises()
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const sends = wrapper.find('ul[aria-label="Sends of run Users"]')
    expect(toggle.attributes('aria-controls')).toBe(sends.attributes('id'))
    expect(sends.findAll('button.open').map((b) => b.attributes('title'))).toEqual([
      'http://api.test/users/2',
      'http://api.test/users/3',
      'http://api.test/users/4',
    ])
    expect(sends.find('input[type="checkbox"]').attributes('aria-label')).toBe(
      'Select GET http://api.test/users/2',
    )
    await sends.findAll('button.open')[1]!.trigger('click')
    await flushPromises()
    expect(history.opened?.id).toBe(3)
  })

  it('lists the sends of runs among the rest while searching, and no run rows', async () => {
    seed()
    const { history, rows, wrapper } = await mountPanel()
    await history.setFilter({ text: 'users/3' })
    await flushPromises()
    expect(rows().map((r) => r.attributes('aria-label'))).toEqual(['GET http://api.test/users/3'])
    expect(rows()[0]!.text()).toContain('in a run')
    expect(queryByRole(wrapper, 'button', /Run: Users/)).toBeNull()
  })

  it('deletes a run with its sends, but not while it runs', async () => {
    seed({ running: true, finishedAt: null, end: null, stats: null })
    const { wrapper, rows, history } = await mountPanel()
    const remove = byRole(wrapper, 'button', 'Delete run Users')
    expect(remove.attributes('disabled')).toBeDefined()
    fake().historyRuns[0]!.running = false
    await history.refreshRun('r1')
    await flushPromises()
    await byRole(wrapper, 'button', 'Delete run Users').trigger('click')
    await flushPromises()
    expect(rows().map((r) => r.attributes('aria-label'))).toEqual([
      'GET http://api.test/users/5',
      'GET http://api.test/users/1',
    ])
    expect(fake().historyEntries.map((e) => e.id)).toEqual([1, 5])
  })

  it('counts a running run’s requests as they finish, and reads it again when it ends', async () => {
    seed({ running: true, finishedAt: null, end: null, stats: null, failedRequests: 1 })
    const { rows } = await mountPanel()
    expect(rows()[1]!.attributes('aria-label')).toBe('Run: Users — 3 requests, 1 failed (running)')
    fake().runs.emit({
      runId: 'r1',
      events: [
        { type: 'execution', execution: execution(3) },
        { type: 'execution', execution: execution(4, { failedTest: true }) },
      ],
    })
    await flushPromises()
    expect(rows()[1]!.attributes('aria-label')).toBe('Run: Users — 5 requests, 2 failed (running)')
    Object.assign(fake().historyRuns[0]!, run({ end: 'stopped', sends: 5, failedRequests: 2 }))
    fake().runs.emit({ runId: 'r1', events: [{ type: 'done', summary: {} as never }] })
    await vi.waitFor(() =>
      expect(rows()[1]!.attributes('aria-label')).toBe(
        'Run: Users — 600 requests, 2 failed (stopped)',
      ),
    )
  })
})

describe('the history list’s order', () => {
  const entry = (id: number, at: number) => send(id, at, null)

  it('shows nothing older than what either side has loaded, until both have', () => {
    const runs = [run({ runId: 'a', startedAt: 900 }), run({ runId: 'b', startedAt: 300 })]
    const entries = [entry(1, 1000), entry(2, 800), entry(3, 500)]
    const keys = (done: [boolean, boolean]) =>
      mergeByTime(entries, done[0], runs, done[1]).map((i) => i.key)
    expect(keys([false, false])).toEqual(['e-1', 'r-a', 'e-2', 'e-3'])
    expect(keys([true, false])).toEqual(['e-1', 'r-a', 'e-2', 'e-3', 'r-b'])
    expect(keys([false, true])).toEqual(['e-1', 'r-a', 'e-2', 'e-3'])
    expect(mergeByTime(entries, true, runs, true)).toHaveLength(5)
  })

  it('names a run by how it went', () => {
    expect(runLabel(run({ stats: null, sends: 1, failedRequests: 0 }))).toBe(
      'Run: Users — 1 request',
    )
    expect(runLabel(run({ finishedAt: null, end: null }))).toBe(
      'Run: Users — 600 requests, 3 failed (did not finish)',
    )
    expect(runLabel(run({ end: 'bailed' }))).toBe(
      'Run: Users — 600 requests, 3 failed (stopped at the first failure)',
    )
  })
})

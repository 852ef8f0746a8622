import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import RunnerRequestList from '../../../renderer/src/components/runner/RunnerRequestList.vue'
import RunnerView from '../../../renderer/src/components/runner/RunnerView.vue'
import { useRunnerStore } from '../../../renderer/src/stores/useRunnerStore'
import type { RunStreamEvent } from '../../../shared/ipc'
import { useFakeApi } from '../fakeApi'
import { execution } from './runExecutions'

const fake = useFakeApi()

async function mountRunner() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const runner = useRunnerStore()
  runner.openFor({ kind: 'workspace' })
  const wrapper = mount(RunnerView, { global: { plugins: [pinia] }, attachTo: document.body })
  await runner.start()
  const runId = fake().runs.started.at(-1)!.runId
  /** Streams events and waits until the store applied them and the view re-rendered. */
  const play = async (events: RunStreamEvent[]) => {
    const before = runner.version
    fake().runs.emit({ runId, events })
    await vi.waitFor(() => expect(runner.version).toBeGreaterThan(before))
    await flushPromises()
  }
  return { wrapper, runner, runId, play }
}

describe('the Runner view', () => {
  it('keeps only the rows on screen in the page for a run of 10,000 requests', async () => {
    const { wrapper, play } = await mountRunner()
    const start: RunStreamEvent = {
      type: 'start',
      runId: 'x',
      name: 'Big',
      iterations: 10_000,
      itemsPerIteration: 1,
      startedAt: 0,
    }
    const executions: RunStreamEvent[] = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'execution',
      execution: execution(i, { iteration: i, failedTest: i % 1000 === 999 }),
    }))
    // In batches, as the Node side sends them.
    await play([start, ...executions.slice(0, 500)])
    for (let at = 500; at < 10_000; at += 500) await play(executions.slice(at, at + 500))

    const table = wrapper.get('[role="table"]')
    expect(table.attributes('aria-label')).toBe('Run results')
    expect(table.attributes('aria-rowcount')).toBe('10001')
    const bar = wrapper.get('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('10000')
    expect(bar.attributes('aria-valuemax')).toBe('10000')
    const drawn = () => wrapper.findAll('.viewport [role="row"]')
    expect(drawn().length).toBeGreaterThan(0)
    expect(drawn().length).toBeLessThan(60)

    // Scrolled far down, the rows there are drawn, still only a window of them.
    const viewport = wrapper.get('.viewport').element as HTMLElement
    viewport.scrollTop = 28 * 6000
    await wrapper.get('.viewport').trigger('scroll')
    const indexes = drawn().map((r) => Number(r.attributes('aria-rowindex')))
    expect(indexes).toContain(6002)
    expect(drawn().length).toBeLessThan(60)

    const failuresOnly = wrapper.findAll('label').find((l) => l.text() === 'Failures only')!
    await failuresOnly.get('input').setValue(true)
    expect(table.attributes('aria-rowcount')).toBe('11')
    expect(drawn()).toHaveLength(10)
    expect(drawn()[0]!.text()).toContain('1 passed, 1 failed')
    wrapper.unmount()
  })

  it('opens a row’s details: request, response and tests', async () => {
    const { wrapper, play, runId } = await mountRunner()
    const whole = execution(0, { failedTest: true })
    whole.response = { ...whole.response!, body: '{"id":2}', headers: [['X-Id', '2']] }
    fake().runs.keep(runId, whole)
    await play([{ type: 'execution', execution: execution(0, { failedTest: true }) }])
    await wrapper
      .get('[aria-label="Details of Users/Get user.request.json, iteration 1"]')
      .trigger('click')
    await flushPromises()
    const details = wrapper.get('[aria-label="Execution details"]')
    expect(details.text()).toContain('GET http://api.test/users/0')
    expect(details.text()).toContain('200 OK')
    expect(details.get('[aria-label="Response body excerpt"]').text()).toBe('{\n  "id": 2\n}')
    expect(details.get('[aria-label="Test results"]').text()).toMatch(/Failed:.*id is 1/)
    await details.get('[aria-label="Close details"]').trigger('click')
    expect(wrapper.find('[aria-label="Execution details"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('the requests to run', () => {
  it('move with the keyboard buttons and by dragging a row onto another', async () => {
    const items = ['A', 'B', 'C'].map((name) => ({
      path: name,
      name,
      method: 'GET',
      checked: true,
    }))
    const wrapper = mount(RunnerRequestList, {
      props: { items, disabled: false },
      attachTo: document.body,
    })
    await wrapper.get('[aria-label="Move A up"]').trigger('click')
    expect(wrapper.emitted('move')).toBeUndefined() // already first: disabled
    await wrapper.get('[aria-label="Move A down"]').trigger('click')
    const rows = wrapper.findAll('li')
    await rows[2]!.trigger('dragstart', { dataTransfer: new DataTransfer() })
    await rows[0]!.trigger('dragover')
    await rows[0]!.trigger('drop')
    expect(wrapper.emitted('move')).toEqual([
      [0, 1],
      [2, 0],
    ])
    wrapper.unmount()
  })
})

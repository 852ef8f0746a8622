import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResponseViewer from '../../../renderer/src/components/response/ResponseViewer.vue'
import type { ExchangeState } from '../../../renderer/src/stores/exchangeState'
import { sampleResponse } from './sampleResponse'
import { lazyPartsLoaded } from '../lazyParts'

const mountState = (state: ExchangeState) => mount(ResponseViewer, { props: { state } })

describe('ResponseViewer', () => {
  it('is a region named Response that invites a first send', () => {
    const w = mountState({ phase: 'idle' })
    const region = w.get('section')
    expect(region.attributes('role')).toBe('region')
    expect(region.attributes('aria-label')).toBe('Response')
    expect(w.text()).toContain('Send a request to see its response here')
    expect(w.text()).toContain('Ctrl + Enter')
  })

  it('shows progress while waiting, with the bytes received so far', async () => {
    const w = mountState({ phase: 'running', startedAt: 0, receivedBytes: 0 })
    const live = w.get('[aria-live="polite"]')
    expect(live.text()).toBe('Waiting for response…')
    await w.setProps({ state: { phase: 'running', startedAt: 0, receivedBytes: 2048 } })
    expect(w.get('[aria-live="polite"]').text()).toContain('2 KB received')
  })

  it('shows a transport error and passes Retry on', async () => {
    const w = mountState({
      phase: 'failed',
      error: { code: 'TIMEOUT', message: 'No answer within 30 s', hint: 'Raise the timeout.' },
    })
    expect(w.get('[role="alert"]').text()).toContain('No answer within 30 s')
    await w.get('button').trigger('click')
    expect(w.emitted('retry')).toHaveLength(1)
  })

  it('shows the summary and the Body, Headers and Timeline tabs for a response', async () => {
    const response = sampleResponse({
      headers: [
        ['Content-Type', 'application/json'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ],
    })
    const w = mount(ResponseViewer, {
      props: { state: { phase: 'done', response } },
      attachTo: document.body,
    })
    expect(w.get('[aria-label="Response status"]').text()).toBe('200 OK')
    const tabs = w.findAll('[role="tab"]')
    expect(tabs.map((t) => t.text())).toEqual(['Body', 'Headers3', 'Timeline'])
    expect(w.find('[aria-label="Response body"]').isVisible()).toBe(true)

    await tabs[1]!.trigger('click')
    expect(w.findAll('tbody tr')).toHaveLength(3)
    expect(w.find('[aria-label="Response body"]').isVisible()).toBe(false)
    await tabs[2]!.trigger('click')
    await lazyPartsLoaded()
    expect(w.find('ul[aria-label="Timings"]').exists()).toBe(true)
    w.unmount()
  })
})

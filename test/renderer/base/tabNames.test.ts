import { mount, type DOMWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { provideApi } from '../../../renderer/src/api/currentApi'
import BaseTabs from '../../../renderer/src/components/base/BaseTabs.vue'
import RequestEditor from '../../../renderer/src/components/request/RequestEditor.vue'
import ResponseViewer from '../../../renderer/src/components/response/ResponseViewer.vue'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import type { Checks } from '../../../shared/model/assertion'
import { createFakeApi } from '../fakeApi'
import { sampleResponse } from '../response/sampleResponse'

/**
 * The name a screen reader says for a tab: its aria-label when it has one, else its text
 * without the aria-hidden parts (happy-dom computes no accessible names; the e2e
 * accessibility test checks the same names in Chromium).
 */
function spokenName(tab: DOMWrapper<Element>): string {
  const label = tab.attributes('aria-label')
  if (label !== undefined) return label
  const copy = tab.element.cloneNode(true) as Element
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
  return copy.textContent?.trim() ?? ''
}

const names = (w: { findAll: (s: string) => DOMWrapper<Element>[] }) =>
  w.findAll('[role="tab"]').map(spokenName)

beforeEach(() => {
  provideApi(createFakeApi().api)
})

describe('tab names with count badges', () => {
  it('say the badge in words after the label, and show it as before', () => {
    const w = mount(BaseTabs, {
      props: {
        modelValue: 'params',
        label: 'Parts',
        tabs: [
          { id: 'params', label: 'Params', badge: 2, badgeLabel: '2 set' },
          { id: 'body', label: 'Body', badge: '', badgeLabel: 'set' },
          { id: 'code', label: 'Code' },
          { id: 'quiet', label: 'Quiet', badge: '●' },
        ],
      },
      slots: { extra: () => h('span', { role: 'status' }, 'Copied') },
    })
    // An empty badge is no badge; one without words is not spoken at all.
    expect(names(w)).toEqual(['Params, 2 set', 'Body', 'Code', 'Quiet'])
    expect(w.findAll('[role="tab"]').map((t) => t.text())).toEqual([
      'Params2',
      'Body',
      'Code',
      'Quiet●',
    ])
    // The extra slot sits beside the tablist: a tablist holds nothing but tabs.
    const tablist = w.get('[role="tablist"]')
    expect([...tablist.element.children].map((c) => c.getAttribute('role'))).toEqual([
      'tab',
      'tab',
      'tab',
      'tab',
    ])
    expect(w.find('[role="status"]').text()).toBe('Copied')
  })

  it('in the request editor read "Params, 2 set", "Headers, 1 set", "Body, set"', async () => {
    setActivePinia(createPinia())
    const tabs = useRequestTabsStore()
    const tab = tabs.open()
    const w = mount(RequestEditor, { props: { tab }, attachTo: document.body })
    expect(names(w)).toEqual([
      'Params',
      'Headers',
      'Body',
      'Auth',
      'Variables',
      'Tests',
      'Scripts',
      'Settings',
      'Code',
    ])
    tabs.setUrl(tab, 'http://h/users?page=2&sort=name')
    tabs.patchSpec(tab, {
      headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
      body: { type: 'json', text: '{}' },
      auth: { type: 'bearer', token: 't' },
      settings: { timeoutMs: 5000 },
    })
    await w.vm.$nextTick()
    expect(names(w)).toEqual([
      'Params, 2 set',
      'Headers, 1 set',
      'Body, set',
      'Auth, set',
      'Variables',
      'Tests',
      'Scripts',
      'Settings, 1 changed',
      'Code',
    ])
    w.unmount()
  })

  it('in the response view read "Headers, 3", "Tests, 1 of 2 passed", "Console, 1 line"', () => {
    const checks: Checks = {
      tests: [
        { name: 'status is 200', passed: true, source: 'assertion' },
        { name: 'id is 8', passed: false, error: 'expected 7 to equal 8', source: 'request' },
      ],
      console: [{ level: 'log', text: 'token set' }],
      scriptFailure: null,
    }
    const response = sampleResponse({
      headers: [
        ['Content-Type', 'application/json'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ],
    })
    const w = mount(ResponseViewer, { props: { state: { phase: 'done', response, checks } } })
    expect(names(w)).toEqual([
      'Body',
      'Headers, 3',
      'Timeline',
      'Tests, 1 of 2 passed',
      'Console, 1 line',
    ])
  })
})

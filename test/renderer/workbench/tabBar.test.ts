import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import WorkbenchTabBar from '../../../renderer/src/components/workbench/WorkbenchTabBar.vue'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'

function mountBar() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useRequestTabsStore()
  const first = store.open()
  store.setUrl(first, 'http://h/users')
  const second = store.open()
  store.patchSpec(second, { method: 'PUT' })
  store.setUrl(second, 'http://h/users/1')
  const wrapper = mount(WorkbenchTabBar, { global: { plugins: [pinia] }, attachTo: document.body })
  return { wrapper, store, first, second }
}

beforeEach(() => {
  document.body.innerHTML = ''
})

describe('the open request tabs', () => {
  it('are named by method and title apart, with "(changed)" for unsaved edits', () => {
    const { wrapper } = mountBar()
    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs.map((t) => t.attributes('aria-label'))).toEqual([
      'GET h/users (changed)',
      'PUT h/users/1 (changed)',
    ])
    // Only the selected tab is a Tab stop; the arrow keys move between them.
    expect(tabs.map((t) => t.attributes('tabindex'))).toEqual(['-1', '0'])
    wrapper.unmount()
  })

  it('hold only tabs: each × is hidden from readers and out of the Tab order', () => {
    const { wrapper } = mountBar()
    const closes = wrapper.findAll('button.close')
    expect(closes).toHaveLength(2)
    for (const close of closes) {
      expect(close.attributes('aria-hidden')).toBe('true')
      expect(close.attributes('tabindex')).toBe('-1')
    }
    wrapper.unmount()
  })

  it('move with the arrow keys, Home and End, and close with Delete', async () => {
    const { wrapper, store, first, second } = mountBar()
    const tab = (n: number) => wrapper.findAll('[role="tab"]')[n]!
    await tab(1).trigger('keydown', { key: 'ArrowRight' })
    expect(store.activeId).toBe(first.id)
    expect(document.activeElement).toBe(tab(0).element)
    await tab(0).trigger('keydown', { key: 'ArrowLeft' })
    expect(store.activeId).toBe(second.id)
    await tab(1).trigger('keydown', { key: 'Home' })
    expect(store.activeId).toBe(first.id)
    await tab(0).trigger('keydown', { key: 'End' })
    expect(store.activeId).toBe(second.id)

    await tab(1).trigger('keydown', { key: 'Delete' })
    expect(wrapper.emitted('close')).toEqual([[second]])
    wrapper.unmount()
  })
})

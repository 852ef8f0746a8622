import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'

beforeEach(() => setActivePinia(createPinia()))

describe('request tabs', () => {
  it('keeps each tab its own unsent edits and marks the changed one dirty', () => {
    const store = useRequestTabsStore()
    const first = store.open()
    const second = store.open()
    store.setUrl(first, 'http://h/a')
    expect(store.isDirty(first)).toBe(true)
    expect(store.isDirty(second)).toBe(false)
    expect(second.spec.url).toBe('')
    expect(store.activeId).toBe(second.id)
    store.select(first.id)
    expect(store.active?.spec.url).toBe('http://h/a')
  })

  it('closing the active tab selects its neighbour, and closing the last opens a fresh one', () => {
    const store = useRequestTabsStore()
    const a = store.open()
    const b = store.open()
    store.close(b.id)
    expect(store.activeId).toBe(a.id)
    store.close(a.id)
    expect(store.tabs).toHaveLength(1)
    expect(store.active?.spec.url).toBe('')
  })

  it('syncs the URL query and the Params table both ways', () => {
    const store = useRequestTabsStore()
    const tab = store.open()
    store.setUrl(tab, 'http://h/p?a=1&flag')
    expect(tab.paramRows.map((r) => [r.key, r.value, r.enabled])).toEqual([
      ['a', '1', true],
      ['flag', '', true],
    ])
    store.setParamRows(tab, [
      { key: 'a', value: '2', enabled: true, hasEquals: true },
      { key: 'flag', value: '', enabled: false, hasEquals: false },
    ])
    expect(tab.spec.url).toBe('http://h/p?a=2')
    // The disabled row is kept in the spec (not sent), so nothing the user typed is lost.
    expect(tab.spec.params).toEqual([{ key: 'flag', value: '', enabled: false }])
  })
})

import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useAppStateStore } from '../../../renderer/src/stores/useAppStateStore'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { createFakeApi } from '../fakeApi'

let fake: ReturnType<typeof createFakeApi>
beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi()
  provideApi(fake.api)
})

describe('open tabs across restarts', () => {
  it('saves the tabs once edits settle and restores them, unsaved marks included', async () => {
    vi.useFakeTimers()
    try {
      await useAppStateStore().restoreAndKeep()
      const tabs = useRequestTabsStore()
      expect(tabs.tabs).toHaveLength(1)
      tabs.setUrl(tabs.tabs[0]!, 'http://h/draft')
      tabs.open()
      await flushPromises()
      vi.advanceTimersByTime(500)
      await flushPromises()
      const saved = await fake.api.state.get({})
      expect(saved.tabs.map((t) => t.spec.url)).toEqual(['http://h/draft', ''])
      expect(saved.active).toBe(1)

      // A new run on the same state.
      setActivePinia(createPinia())
      await useAppStateStore().restoreAndKeep()
      const restored = useRequestTabsStore()
      expect(restored.tabs.map((t) => t.spec.url)).toEqual(['http://h/draft', ''])
      expect(restored.isDirty(restored.tabs[0]!)).toBe(true)
      expect(restored.active?.spec.url).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })
})

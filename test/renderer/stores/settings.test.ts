import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useSettingsStore } from '../../../renderer/src/stores/useSettingsStore'
import { createFakeApi } from '../fakeApi'

beforeEach(() => setActivePinia(createPinia()))

describe('settings store', () => {
  it('loads, applies an update at once and keeps what the host saved', async () => {
    const fake = createFakeApi()
    provideApi(fake.api)
    const store = useSettingsStore()
    await store.load()
    expect(store.settings.theme).toBe('system')
    const saving = store.update({ theme: 'dark', requestDefaults: { timeoutMs: 5000 } })
    expect(store.settings.theme).toBe('dark')
    await saving
    expect(await fake.api.settings.get({})).toMatchObject({
      theme: 'dark',
      requestDefaults: { timeoutMs: 5000, followRedirects: true },
    })
    expect(store.saveError).toBeNull()
  })

  it('tells the user when saving fails', async () => {
    const fake = createFakeApi()
    provideApi({
      ...fake.api,
      settings: { ...fake.api.settings, update: () => Promise.reject(new Error('disk full')) },
    })
    const store = useSettingsStore()
    await store.update({ layout: 'stacked' })
    expect(store.saveError).toMatch(/could not be saved: disk full/)
  })
})

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import ProxySettingsDialog from '../../../renderer/src/components/settings/ProxySettingsDialog.vue'
import { useSettingsStore } from '../../../renderer/src/stores/useSettingsStore'
import { createFakeApi } from '../fakeApi'

let fake: ReturnType<typeof createFakeApi>

beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi()
  provideApi(fake.api)
})

const button = (wrapper: ReturnType<typeof mount>, text: string) =>
  wrapper.findAll('button').find((b) => b.text() === text)!

describe('the Proxy dialog', () => {
  it('tests the form as edited, then saves it without keeping the password in the page', async () => {
    const wrapper = mount(ProxySettingsDialog, { attachTo: document.body })
    expect(wrapper.find('input[aria-label="Proxy URL"]').exists()).toBe(false)
    await wrapper.find('select[aria-label="Proxy mode"]').setValue('manual')
    await wrapper.find('input[aria-label="Proxy URL"]').setValue('http://qa@proxy.test:3128')
    await wrapper.find('input[aria-label="Proxy password"]').setValue('s3cret')
    await wrapper.find('input[aria-label="No proxy for"]').setValue(' localhost, .corp.test ')
    await wrapper.find('input[aria-label="Test URL"]').setValue('http://api.test/ping')
    await button(wrapper, 'Test proxy').trigger('click')
    await flushPromises()
    expect(fake.proxyTests).toEqual([
      {
        proxy: {
          mode: 'manual',
          url: 'http://qa@proxy.test:3128',
          pacUrl: '',
          noProxy: 'localhost, .corp.test',
          password: 's3cret',
        },
        url: 'http://api.test/ping',
      },
    ])
    expect(wrapper.find('[role="status"]').text()).toBe('Reached http://api.test/ping directly.')

    await button(wrapper, 'Save').trigger('click')
    await flushPromises()
    const store = useSettingsStore()
    expect(store.settings.proxy.mode).toBe('manual')
    expect(JSON.stringify(store.settings)).not.toContain('s3cret')
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })

  it('sends a blank password only to forget the saved one', async () => {
    const store = useSettingsStore()
    store.settings = {
      ...store.settings,
      proxy: { ...store.settings.proxy, mode: 'manual', passwordSaved: true },
    }
    const wrapper = mount(ProxySettingsDialog, { attachTo: document.body })
    const password = wrapper.find('input[aria-label="Proxy password"]')
    expect(password.attributes('placeholder')).toContain('Saved in the secret store')
    await button(wrapper, 'Test proxy').trigger('click')
    await flushPromises()
    expect(fake.proxyTests.at(-1)?.proxy).not.toHaveProperty('password')
    await wrapper.find('input[type="checkbox"]').setValue(true)
    await button(wrapper, 'Test proxy').trigger('click')
    await flushPromises()
    expect(fake.proxyTests.at(-1)?.proxy).toMatchObject({ password: '' })
    wrapper.unmount()
  })

  it('keeps the password out of the page state while the host saves it', async () => {
    provideApi({
      ...fake.api,
      settings: { ...fake.api.settings, update: () => new Promise(() => {}) },
    })
    const store = useSettingsStore()
    void store.update({ proxy: { mode: 'manual', password: 'pending-secret' } })
    expect(store.settings.proxy.mode).toBe('manual')
    expect(JSON.stringify(store.settings)).not.toContain('pending-secret')
  })
})

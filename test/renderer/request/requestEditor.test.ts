import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useExchangeStore } from '../../../renderer/src/stores/useExchangeStore'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { mountEditor } from './mountEditor'
import { createFakeApi, fakeResponse } from '../fakeApi'
import { lazyPartsLoaded } from '../lazyParts'

let fake: ReturnType<typeof createFakeApi>

beforeEach(() => {
  fake = createFakeApi()
  provideApi(fake.api)
})

describe('request editor', () => {
  it('fills the Params table from the URL as it is typed', async () => {
    const { wrapper } = mountEditor()
    await wrapper.find('input[aria-label="URL"]').setValue('http://h/p?a=1&b=two')
    const value2 = wrapper.find('input[aria-label="Param value 2"]')
    expect((value2.element as HTMLInputElement).value).toBe('two')
    await wrapper.find('input[aria-label="Param value 1"]').setValue('9')
    expect((wrapper.find('input[aria-label="URL"]').element as HTMLInputElement).value).toBe(
      'http://h/p?a=9&b=two',
    )
    wrapper.unmount()
  })

  it('Ctrl+Enter sends, Send turns into Cancel while running, and back', async () => {
    const { wrapper, tab } = mountEditor()
    await wrapper.find('input[aria-label="URL"]').setValue('http://h/users')
    await wrapper
      .find('input[aria-label="URL"]')
      .trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(fake.sent).toHaveLength(1)
    expect(fake.sent[0]?.spec.url).toBe('http://h/users')
    await flushPromises()
    const buttons = () => wrapper.findAll('button').map((b) => b.text())
    expect(buttons()).toContain('Cancel')
    expect(buttons()).not.toContain('Send')
    fake.respond({ ok: true, response: fakeResponse() })
    await flushPromises()
    expect(buttons()).toContain('Send')
    expect(useExchangeStore().stateOf(tab.id).phase).toBe('done')
    wrapper.unmount()
  })

  it('shows the headers Courier adds, greyed, and marks one the user overrides', async () => {
    const { wrapper, tab } = mountEditor()
    const tabs = useRequestTabsStore()
    tabs.patchSpec(tab, {
      auth: { type: 'bearer', token: 'tok' },
      headers: [{ key: 'user-agent', value: 'mine', enabled: true }],
    })
    await wrapper
      .findAll('[role="tab"]')
      .find((t) => t.text().startsWith('Headers'))!
      .trigger('click')
    const implicit = wrapper.find('table.implicit')
    expect(implicit.text()).toContain('Bearer tok')
    expect(implicit.find('tr.overridden').text()).toContain('User-Agent')
    wrapper.unmount()
  })

  it('turns a pasted curl command into the request and lists what to check', async () => {
    const { wrapper, tab } = mountEditor()
    const input = wrapper.find('input[aria-label="URL"]')
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent
    Object.defineProperty(paste, 'clipboardData', {
      value: { getData: () => 'curl http://h/users -k' },
    })
    input.element.dispatchEvent(paste)
    await flushPromises()
    expect(paste.defaultPrevented).toBe(true)
    expect(tab.spec.method).toBe('PUT')
    expect(tab.spec.url).toBe('http://h/users')
    expect(wrapper.text()).toContain('TLS verification is off')
    wrapper.unmount()
  })

  it('shows the request as code in the chosen language', async () => {
    const { wrapper, tab } = mountEditor()
    useRequestTabsStore().setUrl(tab, 'http://h/users')
    await wrapper
      .findAll('[role="tab"]')
      .find((t) => t.text() === 'Code')!
      .trigger('click')
    await lazyPartsLoaded()
    const language = wrapper.find('select[aria-label="Language"]')
    expect(language.findAll('option').map((o) => o.text())).toEqual(['cURL', 'Python requests'])
    await flushPromises()
    expect(wrapper.find('[aria-label="Generated code"]').text()).toContain(
      "requests.get('http://h/users')",
    )
    await language.setValue('curl')
    await flushPromises()
    expect(wrapper.find('[aria-label="Generated code"]').text()).toContain(
      "curl -X GET 'http://h/users'",
    )
    wrapper.unmount()
  })
})

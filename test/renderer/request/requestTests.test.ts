import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { mountEditor } from './mountEditor'
import { createFakeApi } from '../fakeApi'
import { lazyPartsLoaded } from '../lazyParts'

let fake: ReturnType<typeof createFakeApi>

beforeEach(() => {
  fake = createFakeApi()
  provideApi(fake.api)
})

describe('the Tests tab of a request', () => {
  it('adds, edits and removes assertion rows, kept in the request', async () => {
    const { wrapper, tab, openTab } = mountEditor()
    await openTab('Tests')
    expect(wrapper.text()).toContain('No assertions yet')
    const add = wrapper.findAll('button').find((b) => b.text() === 'Add assertion')!
    await add.trigger('click')
    await add.trigger('click')
    expect(tab.spec.assertions).toHaveLength(2)
    await wrapper.find('select[aria-label="Assertion 2 target"]').setValue('jsonPath')
    await wrapper.find('input[aria-label="Assertion 2 JSONPath"]').setValue('$.id')
    await wrapper.find('select[aria-label="Assertion 2 operator"]').setValue('exists')
    expect(wrapper.find('input[aria-label="Assertion 2 expected value"]').exists()).toBe(false)
    expect(tab.spec.assertions?.[1]).toMatchObject({
      target: 'jsonPath',
      path: '$.id',
      operator: 'exists',
      enabled: true,
    })
    await wrapper.find('button[aria-label="Delete assertion 1"]').trigger('click')
    expect(tab.spec.assertions).toHaveLength(1)
    // The tab's badge counts the enabled rows.
    expect(
      wrapper
        .findAll('[role="tab"]')
        .find((t) => t.text().startsWith('Tests'))!
        .text(),
    ).toMatch(/1/)
    wrapper.unmount()
  })

  it('sends the assertions with the request, and the scripts of the folders above', async () => {
    const { wrapper, tab } = mountEditor()
    useRequestTabsStore().setUrl(tab, 'http://h/users')
    useRequestTabsStore().setVariables(tab, [
      { name: 'id', value: '7', enabled: true, secret: false },
    ])
    useRequestTabsStore().patchSpec(tab, {
      assertions: [
        { enabled: true, target: 'status', path: '', operator: 'equals', expected: '200' },
      ],
      scripts: { preRequest: '', postResponse: 'pm.test("ok", () => {})' },
    })
    await wrapper
      .find('input[aria-label="URL"]')
      .trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(fake.sent[0]?.spec.assertions).toEqual([
      { enabled: true, target: 'status', path: '', operator: 'equals', expected: '200' },
    ])
    expect(fake.sent[0]?.spec.scripts?.postResponse).toBe('pm.test("ok", () => {})')
    expect(fake.sent[0]?.scriptLevels).toEqual([])
    // Scripts see each scope apart: pm.variables starts from the request's own.
    expect(fake.sent[0]?.variableScopes).toEqual({
      globals: {},
      collection: {},
      environment: {},
      request: { id: '7' },
    })
    await flushPromises()
    wrapper.unmount()
  })
})

describe('the Scripts tab of a request', () => {
  it('edits the pre-request and post-response scripts in a JavaScript editor', async () => {
    const { wrapper, tab, openTab } = mountEditor()
    await openTab('Scripts')
    await lazyPartsLoaded()
    const editor = () => wrapper.findComponent(BaseCodeEditor)
    expect(editor().props('label')).toBe('Pre-request script')
    expect(editor().get('[role="textbox"]').attributes('data-language')).toBe('javascript')
    editor().vm.view!.dispatch({ changes: { from: 0, insert: 'pm.variables.set("a", "1")' } })
    expect(tab.spec.scripts).toEqual({ preRequest: 'pm.variables.set("a", "1")', postResponse: '' })

    const post = wrapper
      .findAll('input[type="radio"]')
      .find((r) => r.element.parentElement?.textContent?.includes('Post-response'))!
    await post.setValue(true)
    await flushPromises()
    expect(editor().props('label')).toBe('Post-response script')
    editor().vm.view!.dispatch({ changes: { from: 0, insert: 'pm.test("ok", () => {})' } })
    expect(tab.spec.scripts).toEqual({
      preRequest: 'pm.variables.set("a", "1")',
      postResponse: 'pm.test("ok", () => {})',
    })
    wrapper.unmount()
  })
})

import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import LazyCodeEditor from '../../../renderer/src/components/base/LazyCodeEditor'
import { lazyPartsLoaded } from '../lazyParts'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('LazyCodeEditor', () => {
  it('holds the place while the editor loads, then shows the labelled text box', async () => {
    const props = { modelValue: '{"a": 1}', language: 'json', label: 'Request body' } as const
    const w = mount({ render: () => h(LazyCodeEditor, props) }, { attachTo: document.body })
    // Before its code has arrived: a busy placeholder, no text box, and not the text.
    const placeholder = w.get('[aria-busy="true"]')
    expect(placeholder.attributes()).not.toHaveProperty('modelvalue')
    expect(w.find('[role="textbox"]').exists()).toBe(false)

    await lazyPartsLoaded()
    await flushPromises()
    const textbox = w.get('[role="textbox"]')
    expect(textbox.attributes('aria-label')).toBe('Request body')
    expect(textbox.attributes('data-language')).toBe('json')
    expect(w.find('[aria-busy="true"]').exists()).toBe(false)
  })
})

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { computed, defineComponent, h, provide, ref } from 'vue'
import BaseVariableInput from '../../../renderer/src/components/base/BaseVariableInput.vue'
import { VARIABLES_KEY } from '../../../renderer/src/composables/scopedVariables'
import type { ScopedValue } from '../../../shared/model/variables'

const scoped = new Map<string, ScopedValue>([
  ['base_url', { value: 'http://h', scope: 'environment', source: 'staging', secret: false }],
  ['token', { value: 't', scope: 'global', secret: true }],
])

function mountWithVariables(initial: string) {
  const text = ref(initial)
  const Host = defineComponent({
    setup() {
      provide(
        VARIABLES_KEY,
        computed(() => scoped),
      )
      return () =>
        h(BaseVariableInput, {
          label: 'URL',
          modelValue: text.value,
          'onUpdate:modelValue': (v: string) => (text.value = v),
        })
    },
  })
  return { wrapper: mount(Host, { attachTo: document.body }), text }
}

describe('variables in a one-line input', () => {
  it('offers names after {{ and inserts the chosen one with its closing braces', async () => {
    const { wrapper, text } = mountWithVariables('')
    const input = wrapper.find('input')
    ;(input.element as HTMLInputElement).focus()
    await input.setValue('{{ba')
    const options = wrapper.findAll('[role="option"]')
    expect(options.map((o) => o.find('.name').text())).toEqual(['base_url'])
    expect(options[0]!.text()).toContain('from environment "staging"')
    await input.trigger('keydown', { key: 'Enter' })
    expect(text.value).toBe('{{base_url}}')
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('marks an unknown variable apart from a known one', async () => {
    const { wrapper } = mountWithVariables('{{base_url}}/{{nope}}')
    const marks = wrapper.findAll('.mirror .variable')
    expect(marks.map((m) => [m.text(), m.classes('missing')])).toEqual([
      ['{{base_url}}', false],
      ['{{nope}}', true],
    ])
    wrapper.unmount()
  })
})

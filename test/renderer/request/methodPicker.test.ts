import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RequestMethodPicker from '../../../renderer/src/components/request/RequestMethodPicker.vue'

function mountPicker(method = 'GET') {
  const wrapper = mount(RequestMethodPicker, {
    props: {
      modelValue: method,
      'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }),
    },
    attachTo: document.body,
  })
  return wrapper
}

describe('method picker', () => {
  it('lists the common methods, each with a line on what it does', async () => {
    const w = mountPicker()
    await w.find('[role="combobox"]').trigger('click')
    const options = w.findAll('[role="option"]')
    expect(options.map((o) => o.find('.name').text())).toEqual([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'HEAD',
      'OPTIONS',
    ])
    expect(options[2]!.text()).toMatch(/Replaces the whole resource.*Idempotent/)
    expect(options[3]!.text()).toMatch(/only the fields sent/)
    w.unmount()
  })

  it('picks a filtered method with Enter and takes a custom method typed in', async () => {
    const w = mountPicker()
    const box = w.find('[role="combobox"]')
    await box.setValue('pa')
    await box.trigger('keydown', { key: 'Enter' })
    expect(w.props('modelValue')).toBe('PATCH')
    await box.setValue('propfind')
    await box.trigger('keydown', { key: 'Enter' })
    expect(w.props('modelValue')).toBe('PROPFIND')
    await box.setValue('BAD METHOD')
    expect(box.attributes('aria-invalid')).toBe('true')
    await box.trigger('keydown', { key: 'Escape' })
    expect(w.props('modelValue')).toBe('PROPFIND')
    w.unmount()
  })
})

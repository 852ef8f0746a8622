import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, ref } from 'vue'
import { useTheme } from '../../../renderer/src/composables/useTheme'

describe('useTheme', () => {
  it('applies the chosen theme to <html> and follows a change of choice', async () => {
    const choice = ref<'system' | 'light' | 'dark'>('dark')
    const w = mount(defineComponent({ setup: () => useTheme(choice), template: '<div />' }))
    expect(document.documentElement.dataset.theme).toBe('dark')
    choice.value = 'light'
    await w.vm.$nextTick()
    expect(document.documentElement.dataset.theme).toBe('light')
    w.unmount()
  })
})

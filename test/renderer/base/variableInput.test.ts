import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseVariableInput from '../../../renderer/src/components/base/BaseVariableInput.vue'
import { variableSegments } from '../../../renderer/src/components/base/variableSegments'

describe('{{variables}} are highlighted', () => {
  it('splits text into plain runs and placeholders', () => {
    expect(variableSegments('{{base}}/users/{{ id }}?x=1')).toEqual([
      { text: '{{base}}', variable: true },
      { text: '/users/', variable: false },
      { text: '{{ id }}', variable: true },
      { text: '?x=1', variable: false },
    ])
    expect(variableSegments('no vars {here}')).toEqual([
      { text: 'no vars {here}', variable: false },
    ])
  })

  it('draws the placeholders marked behind the input, which keeps its accessible name', () => {
    const w = mount(BaseVariableInput, { props: { modelValue: '{{base}}/users', label: 'URL' } })
    expect(w.find('input').attributes('aria-label')).toBe('URL')
    expect(w.findAll('.mirror .variable').map((s) => s.text())).toEqual(['{{base}}'])
    expect(w.find('.mirror').attributes('aria-hidden')).toBe('true')
  })
})

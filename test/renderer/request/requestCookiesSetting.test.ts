import { describe, expect, it } from 'vitest'
import { mountEditor } from './mountEditor'

describe('the Use cookies setting of a request', () => {
  it('is on by default and, unticked, turns the jar off for this request only', async () => {
    const { wrapper, tab, openTab } = mountEditor()
    await openTab('Settings')
    const box = wrapper
      .findAll('label.check')
      .find((label) => label.text() === 'Use cookies')!
      .find('input[type="checkbox"]')

    expect((box.element as HTMLInputElement).checked).toBe(true)
    expect(tab.spec.settings.cookies).toBeUndefined()
    await box.setValue(false)
    expect(tab.spec.settings.cookies).toBe(false)
    await box.setValue(true)
    expect(tab.spec.settings.cookies).toBe(true)
    wrapper.unmount()
  })
})

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import WorkspaceDefaultsDialog from '../../../renderer/src/components/workspace/WorkspaceDefaultsDialog.vue'
import type { InheritedDefaults } from '../../../shared/model/workspace'
import { lazyPartsLoaded } from '../lazyParts'

const defaults: InheritedDefaults = { headers: [], auth: { type: 'inherit' }, variables: [] }

describe('the defaults of a folder or the workspace', () => {
  it('take assertions and scripts that every request inside runs first', async () => {
    const w = mount(WorkspaceDefaultsDialog, {
      props: { title: 'Folder Users', defaults },
      attachTo: document.body,
    })
    const tab = (name: string) =>
      w
        .findAll('[role="tab"]')
        .find((t) => t.text().startsWith(name))!
        .trigger('click')
    await tab('Tests')
    await w
      .findAll('button')
      .find((b) => b.text() === 'Add assertion')!
      .trigger('click')
    await w.find('select[aria-label="Assertion 1 operator"]').setValue('lessThan')
    await w.find('input[aria-label="Assertion 1 expected value"]').setValue('500')
    await tab('Scripts')
    await lazyPartsLoaded()
    w.findComponent(BaseCodeEditor).vm.view!.dispatch({
      changes: { from: 0, insert: 'pm.variables.set("team", "qa")' },
    })
    await w
      .findAll('button')
      .find((b) => b.text() === 'Save')!
      .trigger('click')
    const [saved] = w.emitted('save')![0] as [InheritedDefaults]
    expect(saved.assertions).toEqual([
      { enabled: true, target: 'status', path: '', operator: 'lessThan', expected: '500' },
    ])
    expect(saved.scripts).toEqual({
      preRequest: 'pm.variables.set("team", "qa")',
      postResponse: '',
    })
    w.unmount()
  })
})

import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { useWorkspaceStore } from '../../../renderer/src/stores/useWorkspaceStore'
import { createFakeApi } from '../fakeApi'

let fake: ReturnType<typeof createFakeApi>
beforeEach(async () => {
  setActivePinia(createPinia())
  fake = createFakeApi()
  provideApi(fake.api)
  await useWorkspaceStore().load()
})

describe('workspace store', () => {
  it('saves a new tab under a name and folder, after which it is clean and in the tree', async () => {
    const workspace = useWorkspaceStore()
    const tabs = useRequestTabsStore()
    const tab = tabs.open()
    tabs.setUrl(tab, 'http://h/users')
    expect(await workspace.saveTab(tab.id)).toBe(false) // never saved: needs a name first
    expect(await workspace.saveTab(tab.id, { name: 'List users', folder: '' })).toBe(true)
    expect(tab.saved).toEqual({
      path: 'List users.request.json',
      name: 'List users',
      workspace: '/fake/workspace',
    })
    expect(tabs.isDirty(tab)).toBe(false)
    expect(workspace.snapshot?.tree.map((n) => n.name)).toEqual(['List users'])
    tabs.patchSpec(tab, { method: 'PUT' })
    expect(tabs.isDirty(tab)).toBe(true)
    expect(await workspace.saveTab(tab.id)).toBe(true)
    expect(fake.workspace.requests.get('List users.request.json')?.method).toBe('PUT')
  })

  it('opens a saved request once, and follows a change on disk unless the tab has edits', async () => {
    const workspace = useWorkspaceStore()
    const tabs = useRequestTabsStore()
    const tab = tabs.open()
    tabs.setUrl(tab, 'http://h/a')
    await workspace.saveTab(tab.id, { name: 'A', folder: '' })
    await workspace.openRequest('A.request.json')
    expect(tabs.tabs).toHaveLength(1)

    // Another program changes the file: a clean tab takes the new content.
    fake.workspace.requests.get('A.request.json')!.url = 'http://h/changed'
    await workspace.refresh()
    expect(tab.spec.url).toBe('http://h/changed')

    // With unsaved edits, the edits stay and the tab is flagged.
    tabs.setUrl(tab, 'http://h/mine')
    fake.workspace.requests.get('A.request.json')!.url = 'http://h/theirs'
    await workspace.refresh()
    expect(tab.spec.url).toBe('http://h/mine')
    expect(tab.changedOnDisk).toBe(true)
    await workspace.reloadTab(tab.id)
    expect(tab.spec.url).toBe('http://h/theirs')
    expect(tabs.isDirty(tab)).toBe(false)
  })

  it('a deleted request leaves its open tab as an unsaved draft, and undo is offered', async () => {
    const workspace = useWorkspaceStore()
    const tabs = useRequestTabsStore()
    const tab = tabs.open()
    tabs.setUrl(tab, 'http://h/a')
    await workspace.saveTab(tab.id, { name: 'A', folder: '' })
    await workspace.remove('A.request.json')
    expect(workspace.lastDeleted).toEqual({ undoId: 'undo-1', name: 'A' })
    expect(tab.saved).toBeNull()
    expect(tab.spec.url).toBe('http://h/a')
  })

  it('shows a failed operation as a message instead of throwing', async () => {
    const workspace = useWorkspaceStore()
    await workspace.openRequest('missing.request.json')
    expect(workspace.error).toBe('No request at missing.request.json.')
  })

  it('switches the active environment', async () => {
    const workspace = useWorkspaceStore()
    await workspace.saveEnvironment(null, {
      schemaVersion: 1,
      name: 'staging',
      variables: [{ name: 'base_url', value: 'http://s', enabled: true, secret: false }],
    })
    const choosing = workspace.setActiveEnvironment('staging')
    // At once, before the Node side answers: a Send right after the choice uses it.
    expect(workspace.activeEnvironment?.variables[0]?.value).toBe('http://s')
    await choosing
    expect(workspace.activeEnvironment?.variables[0]?.value).toBe('http://s')
  })
})

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import WorkspaceTree from '../../../renderer/src/components/workspace/WorkspaceTree.vue'
import type { TreeNode } from '../../../shared/model/workspace'

const defaults = { headers: [], auth: { type: 'inherit' as const }, variables: [] }
const nodes: TreeNode[] = [
  {
    kind: 'folder',
    path: 'Users',
    name: 'Users',
    defaults,
    children: [
      {
        kind: 'request',
        path: 'Users/Get.request.json',
        name: 'Get user',
        method: 'GET',
        url: '/u',
      },
    ],
  },
  { kind: 'request', path: 'Health.request.json', name: 'Health', method: 'GET', url: '/h' },
]

function mountTree() {
  return mount(WorkspaceTree, {
    props: { nodes, filtering: false, activePath: null },
    attachTo: document.body,
  })
}
const names = (w: ReturnType<typeof mountTree>) =>
  w.findAll('[role="treeitem"]').map((i) => i.attributes('aria-label'))

describe('workspace tree keyboard', () => {
  it('expands with ArrowRight, collapses with ArrowLeft, opens a request with Enter', async () => {
    const w = mountTree()
    expect(names(w)).toEqual(['Users', 'Health'])
    const users = w.find('[data-path="Users"]')
    expect(users.attributes('aria-expanded')).toBe('false')
    await users.trigger('keydown', { key: 'ArrowRight' })
    expect(names(w)).toEqual(['Users', 'Get user', 'Health'])
    const get = w.find('[data-path="Users/Get.request.json"]')
    expect(get.attributes('aria-level')).toBe('2')
    await get.trigger('keydown', { key: 'Enter' })
    expect(w.emitted('open')).toEqual([['Users/Get.request.json']])
    await get.trigger('keydown', { key: 'F2' })
    expect((w.emitted('rename')![0]![0] as TreeNode).name).toBe('Get user')
    await get.trigger('keydown', { key: 'Delete' })
    expect((w.emitted('delete')![0]![0] as TreeNode).path).toBe('Users/Get.request.json')
    await users.trigger('keydown', { key: 'ArrowLeft' })
    expect(names(w)).toEqual(['Users', 'Health'])
    w.unmount()
  })

  it('keeps exactly one item in the tab order', () => {
    const w = mountTree()
    const stops = w.findAll('[role="treeitem"]').filter((i) => i.attributes('tabindex') === '0')
    expect(stops).toHaveLength(1)
    w.unmount()
  })
})

import { describe, expect, it } from 'vitest'
import {
  describeVariable,
  hasValue,
  openPlaceholder,
  suggestNames,
} from '../../../renderer/src/components/base/variableHints'
import { flattenTree } from '../../../renderer/src/components/workspace/flattenTree'
import {
  filterTree,
  folderPaths,
  inheritanceChain,
} from '../../../renderer/src/stores/workspaceTree'
import type { ScopedValue } from '../../../shared/model/variables'
import type { TreeNode, WorkspaceSnapshot } from '../../../shared/model/workspace'

const defaults = (token: string) => ({
  headers: [],
  auth: { type: 'bearer' as const, token },
  variables: [],
})
const tree: TreeNode[] = [
  {
    kind: 'folder',
    path: 'Users',
    name: 'Users',
    defaults: defaults('users'),
    children: [
      {
        kind: 'folder',
        path: 'Users/Admin',
        name: 'Admin',
        defaults: defaults('admin'),
        children: [
          {
            kind: 'request',
            path: 'Users/Admin/Ban.request.json',
            name: 'Ban',
            method: 'POST',
            url: '/ban',
          },
        ],
      },
      {
        kind: 'request',
        path: 'Users/Get.request.json',
        name: 'Get user',
        method: 'GET',
        url: '/users/1',
      },
    ],
  },
  { kind: 'request', path: 'Health.request.json', name: 'Health', method: 'GET', url: '/health' },
]

describe('workspace tree', () => {
  it('flattens only what expanded folders show, with ARIA levels and positions', () => {
    const rows = flattenTree(tree, new Set(['Users']))
    expect(rows.map((r) => [r.node.name, r.level, r.position, r.setSize])).toEqual([
      ['Users', 1, 1, 2],
      ['Admin', 2, 1, 2],
      ['Get user', 2, 2, 2],
      ['Health', 1, 2, 2],
    ])
  })

  it('filters by name or URL and keeps the folders that lead to a match', () => {
    const found = filterTree(tree, 'BAN')
    expect(flattenTree(found, new Set(['Users', 'Users/Admin'])).map((r) => r.node.name)).toEqual([
      'Users',
      'Admin',
      'Ban',
    ])
    expect(filterTree(tree, '/health').map((n) => n.name)).toEqual(['Health'])
    expect(filterTree(tree, 'nothing')).toEqual([])
  })

  it('lists folders for saving and the inheritance chain of a request', () => {
    expect(folderPaths(tree)).toEqual(['', 'Users', 'Users/Admin'])
    const snapshot = {
      dir: '/w',
      manifest: { schemaVersion: 1, name: 'W', defaults: defaults('ws') },
      tree,
      environments: [],
      activeEnvironment: null,
      problems: [],
    } as WorkspaceSnapshot
    expect(inheritanceChain(snapshot, 'Users/Admin/Ban.request.json').map((l) => l.name)).toEqual([
      'W',
      'Users',
      'Admin',
    ])
    expect(inheritanceChain(snapshot, null).map((l) => l.name)).toEqual(['W'])
  })
})

describe('variable assist', () => {
  const scoped = new Map<string, ScopedValue>([
    ['base_url', { value: 'http://h', scope: 'environment', source: 'staging', secret: false }],
    ['token', { value: 'abc', scope: 'environment', source: 'staging', secret: true }],
    ['user_base', { value: '', scope: 'global', secret: false }],
  ])

  it('says where a value comes from, masks secrets and flags unknown names', () => {
    expect(describeVariable('base_url', scoped)).toBe('http://h · from environment "staging"')
    expect(describeVariable('token', scoped)).toBe('•••••• (secret) · from environment "staging"')
    expect(describeVariable('user_base', scoped)).toBe('(empty) · from globals')
    expect(describeVariable('nope', scoped)).toMatch(/not defined in any scope/)
  })

  it('finds the {{ being typed and suggests prefix matches first', () => {
    expect(openPlaceholder('{{base_url}}/u/{{us', 19)).toEqual({ from: 17, typed: 'us' })
    expect(openPlaceholder('{{base_url}}/u', 14)).toBeNull()
    expect(suggestNames('base', scoped)).toEqual(['base_url', 'user_base'])
  })

  it("explains and suggests Postman's dynamic variables; a name of your own still wins", () => {
    expect(describeVariable('$guid', scoped)).toBe(
      "A v4 style guid · Postman's dynamic variable, made at each send",
    )
    expect(describeVariable('$notPostmans', scoped)).toMatch(/not defined in any scope/)
    expect([hasValue('$guid', scoped), hasValue('$notPostmans', scoped)]).toEqual([true, false])
    expect(suggestNames('$randomE', scoped)).toEqual(['$randomEmail', '$randomExampleEmail'])
    expect(suggestNames('rand', scoped)).toEqual([])
    const own = new Map(scoped).set('$guid', {
      value: 'fixed',
      scope: 'global',
      secret: false,
    } as ScopedValue)
    expect(describeVariable('$guid', own)).toBe('fixed · from globals')
  })
})

import type { CourierApi } from '../../shared/ipc'
import { z } from 'zod'
import { VariableRowSchema, type VariableRow } from '../../shared/model/variables'
import {
  EnvironmentSchema,
  SavedRequestSchema,
  type Environment,
  type SavedRequest,
  type TreeNode,
  type WorkspaceSnapshot,
} from '../../shared/model/workspace'

type WorkspaceCalls = Pick<CourierApi, 'workspace' | 'env' | 'globals'>

/**
 * A workspace held in memory for component tests: requests by path (folders are the
 * path prefixes). The real file format is tested in test/core/workspace and end to end.
 */
export function createFakeWorkspace() {
  const requests = new Map<string, SavedRequest>()
  const folders = new Set<string>()
  const environments: Environment[] = []
  let active: string | null = null
  let globals: VariableRow[] = []
  const defaults = { headers: [], auth: { type: 'inherit' as const }, variables: [] }

  function tree(prefix = ''): TreeNode[] {
    const depth = prefix === '' ? 0 : prefix.split('/').length
    const inside = (p: string) =>
      (prefix === '' || p.startsWith(`${prefix}/`)) && p.split('/').length === depth + 1
    const dirs: TreeNode[] = [...folders].filter(inside).map((path) => ({
      kind: 'folder',
      path,
      name: path.split('/').pop()!,
      defaults,
      children: tree(path),
    }))
    const files: TreeNode[] = [...requests]
      .filter(([p]) => inside(p))
      .map(([path, r]) => ({ kind: 'request', path, name: r.name, method: r.method, url: r.url }))
    return [...dirs, ...files]
  }

  const snapshot = async (): Promise<WorkspaceSnapshot> => ({
    dir: '/fake/workspace',
    manifest: { schemaVersion: 1, name: 'Fake workspace', defaults },
    tree: tree(),
    environments: JSON.parse(JSON.stringify(environments)),
    activeEnvironment: active,
    problems: [],
  })
  const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name)

  const calls: WorkspaceCalls = {
    workspace: {
      snapshot,
      open: snapshot,
      create: snapshot,
      recent: async () => [],
      readRequest: async ({ path }) => {
        const found = requests.get(path)
        if (!found) throw new Error(`No request at ${path}.`)
        return JSON.parse(JSON.stringify(found))
      },
      saveRequest: async ({ path, folder, request }) => {
        const target = path ?? join(folder ?? '', `${request.name}.request.json`)
        requests.set(target, SavedRequestSchema.parse(request))
        return { path: target }
      },
      createFolder: async ({ parent, name }) => {
        const path = join(parent ?? '', name)
        folders.add(path)
        return { path }
      },
      rename: async ({ path }) => ({ path }),
      move: async ({ path }) => ({ path }),
      duplicate: async ({ path }) => ({ path }),
      delete: async ({ path }) => {
        requests.delete(path)
        return { undoId: 'undo-1' }
      },
      undoDelete: async () => ({ path: '' }),
      saveDefaults: async () => true,
    },
    env: {
      save: async ({ previousName, environment: input }) => {
        const environment = EnvironmentSchema.parse(input)
        const index = environments.findIndex((e) => e.name === previousName)
        if (index === -1) environments.push(environment)
        else environments[index] = environment
        return environment
      },
      delete: async ({ name }) => {
        environments.splice(
          environments.findIndex((e) => e.name === name),
          1,
        )
        return true
      },
      setActive: async ({ name }) => {
        active = name
        return true
      },
    },
    globals: {
      get: async () => globals,
      update: async ({ variables }) => (globals = z.array(VariableRowSchema).parse(variables)),
    },
  }
  return { calls, requests, folders, environments }
}

import type { InheritanceLevel } from '../../../shared/logic/inheritance'
import type { VariableRow } from '../../../shared/model/variables'
import type { SavedRequest, TreeNode, WorkspaceSnapshot } from '../../../shared/model/workspace'
import { PlanSelectionError } from './planFromImport'
import { planItem, rowValues, secretNames, type FoundRequest } from './planItems'
import type { RunPlan } from './runPlan'

/** What a plan needs of a workspace (WorkspaceApi has it). */
export interface WorkspaceSource {
  snapshot: WorkspaceSnapshot
  readRequest(path: string): Promise<SavedRequest>
  globals: readonly VariableRow[]
}

export interface WorkspacePlanOptions {
  /** A folder's path in the workspace (`Users/Admin`); '' or absent: the whole workspace. */
  folder?: string
  /** A selection of request paths, in the order to run them; overrides `folder`. */
  requests?: readonly string[]
  /** The environment's name; null: none. */
  environment: string | null
}

interface Located {
  path: string
  folders: string[]
  chain: InheritanceLevel[]
}

/** Every request of the workspace in saved order, with the levels above it. */
function locate(snapshot: WorkspaceSnapshot): { requests: Located[]; folders: Set<string> } {
  const requests: Located[] = []
  const folders = new Set<string>()
  const walk = (nodes: TreeNode[], chain: InheritanceLevel[], names: string[]) => {
    for (const node of nodes) {
      if (node.kind === 'request') {
        requests.push({ path: node.path, folders: names, chain })
        continue
      }
      folders.add(node.path)
      const level: InheritanceLevel = { name: node.name, kind: 'folder', defaults: node.defaults }
      walk(node.children, [...chain, level], [...names, node.name])
    }
  }
  const root: InheritanceLevel = {
    name: 'workspace',
    kind: 'workspace',
    defaults: snapshot.manifest.defaults,
  }
  walk(snapshot.tree, [root], [])
  return { requests, folders }
}

function pick(all: Located[], folders: Set<string>, options: WorkspacePlanOptions): Located[] {
  if (options.requests) {
    const byPath = new Map(all.map((r) => [r.path, r]))
    const missing = options.requests.filter((p) => !byPath.has(p))
    if (missing.length > 0)
      throw new PlanSelectionError(
        `These requests are no longer in the workspace: ${missing.join(', ')}. Reopen the runner to pick again.`,
      )
    return options.requests.map((p) => byPath.get(p)!)
  }
  const folder = (options.folder ?? '').replace(/\/+$/, '')
  if (folder === '') return all
  if (!folders.has(folder))
    throw new PlanSelectionError(
      `No folder "${folder}" in the workspace. Folders: ${[...folders].join(', ') || 'none'}.`,
    )
  return all.filter((r) => r.path.startsWith(folder + '/'))
}

/**
 * The plan of a saved workspace, a folder of it or a selection: requests read from their
 * files in saved (or chosen) order, the chosen environment's and the globals' values.
 */
export async function planFromWorkspace(
  source: WorkspaceSource,
  options: WorkspacePlanOptions,
): Promise<RunPlan> {
  const { snapshot } = source
  const { requests, folders } = locate(snapshot)
  const chosen = pick(requests, folders, options)
  const environment =
    options.environment === null
      ? null
      : snapshot.environments.find((e) => e.name === options.environment)
  if (options.environment !== null && !environment) {
    const names = snapshot.environments.map((e) => e.name)
    throw new PlanSelectionError(
      `No environment "${options.environment}" in the workspace. Environments: ${names.join(', ') || 'none'}.`,
    )
  }
  const found: FoundRequest[] = []
  for (const r of chosen) {
    found.push({
      id: r.path,
      folders: r.folders,
      saved: await source.readRequest(r.path),
      chain: r.chain,
    })
  }
  const folderRows = chosen.flatMap((r) => r.chain.flatMap((l) => l.defaults.variables))
  const folderName = (options.folder ?? '').split('/').filter(Boolean).at(-1)
  return {
    name: options.requests ? snapshot.manifest.name : (folderName ?? snapshot.manifest.name),
    items: found.map(planItem),
    globals: rowValues(source.globals),
    environment: rowValues(environment?.variables ?? []),
    environmentName: environment?.name ?? null,
    secretNames: secretNames(
      source.globals,
      environment?.variables ?? [],
      folderRows,
      found.flatMap((f) => f.saved.variables),
    ),
    workingDir: snapshot.dir,
    workspace: { dir: snapshot.dir, name: snapshot.manifest.name },
  }
}

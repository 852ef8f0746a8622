import type { InheritanceLevel } from '../../../shared/logic/inheritance'
import { InheritedDefaultsSchema } from '../../../shared/model/workspace'
import type { ImportedFolder, ImportResult } from '../interop/interopTypes'
import { planItem, type FoundRequest } from './planItems'
import type { RunPlan } from './runPlan'

export interface ImportPlanOptions {
  /** newman's --folder: run only these folders or requests (by name), in collection order. */
  only?: readonly string[]
  globals?: Record<string, string>
  environment?: Record<string, string>
  environmentName?: string | null
  workingDir?: string | null
}

/** A selection that names nothing in the collection. */
export class PlanSelectionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlanSelectionError'
  }
}

/**
 * The plan of a collection read by an importer (a Postman collection): its requests in
 * collection order, each with the collection's and folders' headers, auth, variables and
 * scripts above it.
 */
export function planFromImport(result: ImportResult, options: ImportPlanOptions = {}): RunPlan {
  const found: FoundRequest[] = []
  const only = new Set(options.only ?? [])
  const matched = new Set<string>()
  const walk = (
    folder: ImportedFolder,
    chain: InheritanceLevel[],
    names: string[],
    picked: boolean,
  ) => {
    for (const entry of orderOf(folder)) {
      if (entry.kind === 'request') {
        const saved = folder.requests[entry.index]!
        const path = [...names, saved.name].join('/')
        if (only.has(saved.name)) matched.add(saved.name)
        if (picked || only.size === 0 || only.has(saved.name))
          found.push({
            id: path,
            folders: names,
            saved,
            chain,
            ...(folder.sourceIds?.[entry.index] !== undefined && {
              sourceId: folder.sourceIds[entry.index],
            }),
          })
        continue
      }
      const child = folder.folders[entry.index]!
      if (only.has(child.name)) matched.add(child.name)
      const level: InheritanceLevel = {
        name: child.name,
        kind: 'folder',
        defaults: child.defaults ?? InheritedDefaultsSchema.parse({}),
      }
      walk(child, [...chain, level], [...names, child.name], picked || only.has(child.name))
    }
  }
  const root: InheritanceLevel = {
    name: result.root.name,
    kind: 'workspace',
    defaults: result.root.defaults ?? InheritedDefaultsSchema.parse({}),
  }
  walk(result.root, [root], [], false)
  const missing = [...only].filter((name) => !matched.has(name))
  if (missing.length > 0) {
    throw new PlanSelectionError(
      `No folder or request named ${missing.map((n) => `"${n}"`).join(', ')} in "${result.root.name}". Check the name given to --folder (names are case-sensitive).`,
    )
  }
  return {
    name: result.root.name,
    // The collection's own scripts are "collection" in results, as Postman names them.
    items: found.map(planItem).map((item) => ({
      ...item,
      scriptLevels: item.scriptLevels.map((l) =>
        l.name === 'workspace' ? { ...l, name: 'collection' } : l,
      ),
    })),
    globals: options.globals ?? {},
    environment: options.environment ?? {},
    environmentName: options.environmentName ?? null,
    secretNames: [],
    workingDir: options.workingDir ?? null,
    workspace: null,
  }
}

/** The folder's requests and folders in the source's order (requests first without one). */
function orderOf(folder: ImportedFolder): NonNullable<ImportedFolder['order']> {
  if (folder.order) return folder.order
  return [
    ...folder.requests.map((_, index) => ({ kind: 'request' as const, index })),
    ...folder.folders.map((_, index) => ({ kind: 'folder' as const, index })),
  ]
}

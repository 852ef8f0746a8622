import { applyInheritance, type InheritanceLevel } from '../../../shared/logic/inheritance'
import { inheritedScripts, variableScopes } from '../../../shared/logic/checksInheritance'
import type { VariableRow } from '../../../shared/model/variables'
import { specOfSaved, type SavedRequest } from '../../../shared/model/workspace'
import type { RunPlanItem } from './runPlan'

/** A request found while walking a collection or workspace, with the levels above it. */
export interface FoundRequest {
  id: string
  /** The source's own id of the request (a Postman item's `id`), if it has one. */
  sourceId?: string
  /** Folder names, outermost first. */
  folders: string[]
  saved: SavedRequest
  chain: InheritanceLevel[]
}

/** A request as the run sends it: inheritance applied, its scopes and scripts worked out. */
export function planItem(found: FoundRequest): RunPlanItem {
  const { saved, chain } = found
  const scopes = variableScopes({ globals: [], chain, environment: null, request: saved.variables })
  return {
    id: found.id,
    name: saved.name,
    path: [...found.folders, saved.name].join('/'),
    folders: found.folders,
    spec: applyInheritance(specOfSaved(saved), chain),
    scriptLevels: inheritedScripts(chain),
    collection: scopes.collection,
    request: scopes.request,
    ...(found.sourceId !== undefined && { sourceId: found.sourceId }),
  }
}

/** Enabled, named rows as a name → value map. */
export function rowValues(rows: readonly VariableRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.filter((r) => r.enabled && r.name.trim() !== '').map((r) => [r.name.trim(), r.value]),
  )
}

/** Names of the secret rows, whose values the run masks. */
export function secretNames(...lists: (readonly VariableRow[])[]): string[] {
  return [
    ...new Set(
      lists
        .flat()
        .filter((r) => r.secret)
        .map((r) => r.name.trim()),
    ),
  ]
}

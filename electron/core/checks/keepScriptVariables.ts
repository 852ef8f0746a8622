import type { VariableScopes } from '../../../shared/logic/checksInheritance'
import type { VariableRow } from '../../../shared/model/variables'
import type { WorkspaceApi } from '../workspace/workspaceApi'
import type { ScriptVariables } from './scriptPort'

/** The names set (with their new value) and unset between two versions of a scope. */
function changesOf(before: Record<string, string>, after: Record<string, string>) {
  const set = Object.entries(after).filter(([name, value]) => before[name] !== value)
  const unset = Object.keys(before).filter((name) => !(name in after))
  return { set, unset, any: set.length > 0 || unset.length > 0 }
}

/**
 * The rows with the changes applied: a set keeps a row's place and flags (a secret stays
 * secret, so its value goes to the secret store, never a file), a new name is added at the
 * end, an unset removes the row.
 */
export function applyChanges(
  rows: readonly VariableRow[],
  changes: ReturnType<typeof changesOf>,
): VariableRow[] {
  const values = new Map(changes.set)
  const gone = new Set(changes.unset)
  const next = rows
    .filter((row) => !(row.enabled && gone.has(row.name.trim())))
    .map((row) => {
      const name = row.name.trim()
      if (!row.enabled || !values.has(name)) return row
      const value = values.get(name)!
      values.delete(name)
      return { ...row, value }
    })
  for (const [name, value] of values) next.push({ name, value, enabled: true, secret: false })
  return next
}

/**
 * Keeps what scripts set in the environment, the globals and the collection (the
 * workspace's own variables) as if typed in the editors; `pm.variables` lasts for the send.
 * Returns what was written, for a notice.
 */
export async function keepScriptVariables(
  workspace: WorkspaceApi,
  before: VariableScopes,
  after: ScriptVariables,
): Promise<string[]> {
  const written: string[] = []
  const snapshot = await workspace.snapshot()
  const env = changesOf(before.environment, after.environment)
  const active = snapshot.environments.find((e) => e.name === snapshot.activeEnvironment)
  if (env.any && active) {
    await workspace.saveEnvironment(active.name, {
      ...active,
      variables: applyChanges(active.variables, env),
    })
    written.push(`environment ${active.name}`)
  }
  const globals = changesOf(before.globals, after.globals)
  if (globals.any) {
    workspace.updateGlobals(applyChanges(workspace.globals(), globals))
    written.push('globals')
  }
  const collection = changesOf(before.collection, after.collection)
  if (collection.any) {
    const defaults = snapshot.manifest.defaults
    await workspace.saveDefaults('', {
      ...defaults,
      variables: applyChanges(defaults.variables, collection),
    })
    written.push('workspace variables')
  }
  return written
}

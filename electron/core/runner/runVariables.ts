import type { VariableScopes } from '../../../shared/logic/checksInheritance'
import type { ScriptVariables } from '../checks/scriptPort'
import type { RunPlan, RunPlanItem } from './runPlan'

type Scope = Record<string, string>

/** What scripts changed in one scope: names set to a value, names unset (null). */
function changesOf(before: Scope, after: Scope): Map<string, string | null> {
  const changes = new Map<string, string | null>()
  for (const [name, value] of Object.entries(after))
    if (before[name] !== value) changes.set(name, value)
  for (const name of Object.keys(before)) if (!Object.hasOwn(after, name)) changes.set(name, null)
  return changes
}

function withChanges(base: Scope, changes: ReadonlyMap<string, string | null>): Scope {
  if (changes.size === 0) return base
  const out = { ...base }
  for (const [name, value] of changes) {
    if (value === null) delete out[name]
    else out[name] = value
  }
  return out
}

/**
 * The variables of a run as scripts change them, as newman keeps them: environment,
 * globals, collection and local (`pm.variables`) changes last for the rest of the run,
 * across iterations. Nothing is written back to files or the workspace.
 */
export class RunVariables {
  private globals: Scope
  private environment: Scope
  /** Changes to the collection scope; each request starts from its own folders' values. */
  private readonly collection = new Map<string, string | null>()
  /** `pm.variables.set` values: on top of every request's own variables. */
  private readonly local = new Map<string, string | null>()

  constructor(plan: RunPlan) {
    this.globals = { ...plan.globals }
    this.environment = { ...plan.environment }
  }

  /** The scopes one request's scripts start from. */
  scopesFor(item: RunPlanItem): VariableScopes {
    return {
      globals: this.globals,
      collection: withChanges(item.collection, this.collection),
      environment: this.environment,
      request: withChanges(item.request, this.local),
    }
  }

  /** What `{{name}}` resolves from: globals < collection < environment < data < request. */
  resolving(scopes: VariableScopes, iterationData: Scope): Scope {
    return {
      ...scopes.globals,
      ...scopes.collection,
      ...scopes.environment,
      ...iterationData,
      ...scopes.request,
    }
  }

  /** Keeps what the request's scripts changed, for the requests after it. */
  keep(before: VariableScopes, after: ScriptVariables): void {
    this.globals = after.globals
    this.environment = after.environment
    for (const [name, value] of changesOf(before.collection, after.collection))
      this.collection.set(name, value)
    for (const [name, value] of changesOf(before.request, after.local)) this.local.set(name, value)
  }

  /** The environment and globals as the run leaves them (newman's --export-environment). */
  final(): { environment: Scope; globals: Scope } {
    return { environment: { ...this.environment }, globals: { ...this.globals } }
  }
}

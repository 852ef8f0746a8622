import type { VariableScopes } from '../../../shared/logic/checksInheritance'
import type { ScriptVariables, TypedValues } from '../checks/scriptPort'
import type { RunPlan, RunPlanItem } from './runPlan'

type Scope = Record<string, string>
type Typed = Record<string, unknown>

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

/** The typed values of `after` for the names in `scope` that have one (see TypedValues). */
function keepTyped(kept: Map<string, unknown>, scope: Scope, typed: Typed | undefined): void {
  for (const name of Object.keys(scope)) {
    if (typed && Object.hasOwn(typed, name)) kept.set(name, typed[name])
    else kept.delete(name)
  }
}

/**
 * The variables of a run as scripts change them, as newman keeps them: environment,
 * globals, collection and local (`pm.variables`) changes last for the rest of the run,
 * across iterations, and a value a script set as a number, a boolean or JSON data keeps
 * its type for later scripts (TypedValues). Nothing is written back to files or the
 * workspace.
 */
export class RunVariables {
  private globals: Scope
  private environment: Scope
  /** Changes to the collection scope; each request starts from its own folders' values. */
  private readonly collection = new Map<string, string | null>()
  /** `pm.variables.set` values: on top of every request's own variables. */
  private readonly local = new Map<string, string | null>()
  /** Each scope's values that are not text, with their type, by name. */
  private readonly typed = {
    globals: new Map<string, unknown>(),
    environment: new Map<string, unknown>(),
    collection: new Map<string, unknown>(),
    local: new Map<string, unknown>(),
  }

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

  /**
   * The typed values one request's scripts start from, with its iteration data's. A value
   * counts only while its scope's text is still its JSON (the sandbox checks), so one kept
   * here for a name another folder gives as text does not apply there.
   */
  typedFor(iterationData: Typed | undefined): TypedValues | undefined {
    const typed: TypedValues = {}
    for (const scope of ['globals', 'environment', 'collection', 'local'] as const) {
      if (this.typed[scope].size > 0) typed[scope] = Object.fromEntries(this.typed[scope])
    }
    if (iterationData) typed.iterationData = iterationData
    return Object.keys(typed).length > 0 ? typed : undefined
  }

  /** Keeps what the request's scripts changed, for the requests after it. */
  keep(before: VariableScopes, after: ScriptVariables): void {
    this.globals = after.globals
    this.environment = after.environment
    for (const [name, value] of changesOf(before.collection, after.collection))
      this.collection.set(name, value)
    for (const [name, value] of changesOf(before.request, after.local)) this.local.set(name, value)
    this.typed.globals.clear()
    this.typed.environment.clear()
    keepTyped(this.typed.globals, after.globals, after.typed?.globals)
    keepTyped(this.typed.environment, after.environment, after.typed?.environment)
    keepTyped(this.typed.collection, after.collection, after.typed?.collection)
    keepTyped(this.typed.local, after.local, after.typed?.local)
    for (const name of Object.keys(before.collection))
      if (!Object.hasOwn(after.collection, name)) this.typed.collection.delete(name)
    for (const name of Object.keys(before.request))
      if (!Object.hasOwn(after.local, name)) this.typed.local.delete(name)
  }

  /** The environment and globals as the run leaves them (newman's --export-environment). */
  final(): { environment: Scope; globals: Scope } {
    return { environment: { ...this.environment }, globals: { ...this.globals } }
  }
}

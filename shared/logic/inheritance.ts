import type { RequestAuth, RequestSpec } from '../model/request'
import { inheritedAssertions } from './checksInheritance'
import type { ScopedValue, VariableRow, VariableScope } from '../model/variables'
import type { InheritedDefaults } from '../model/workspace'

/** One level a request inherits from: the workspace, then each folder down to the request. */
export interface InheritanceLevel {
  /** `workspace`, or the folder's name. */
  name: string
  kind: 'workspace' | 'folder'
  defaults: InheritedDefaults
}

/** The auth a request really uses: its own, or the nearest level's that is not `inherit`. */
export function effectiveAuth(
  auth: RequestAuth,
  chain: readonly InheritanceLevel[],
): { auth: RequestAuth; from: string | null } {
  if (auth.type !== 'inherit') return { auth, from: null }
  for (let i = chain.length - 1; i >= 0; i--) {
    const level = chain[i]!
    if (level.defaults.auth.type !== 'inherit')
      return { auth: level.defaults.auth, from: level.name }
  }
  return { auth: { type: 'none' }, from: null }
}

/** Inherited header rows a request does not override, outermost first, with where each came from. */
export function inheritedHeaders(
  spec: RequestSpec,
  chain: readonly InheritanceLevel[],
): { key: string; value: string; from: string }[] {
  const own = new Set(
    spec.headers
      .filter((h) => h.enabled && h.key.trim() !== '')
      .map((h) => h.key.trim().toLowerCase()),
  )
  const byName = new Map<string, { key: string; value: string; from: string }>()
  for (const level of chain) {
    for (const h of level.defaults.headers) {
      const name = h.key.trim().toLowerCase()
      if (!h.enabled || name === '' || own.has(name)) continue
      // A deeper folder's header of the same name replaces an outer one.
      byName.set(name, { key: h.key.trim(), value: h.value, from: level.name })
    }
  }
  return [...byName.values()]
}

/**
 * The spec as sent: inherited headers and assertions before the request's own, and
 * inherited auth resolved. What the engine receives; the saved request keeps `inherit`.
 */
export function applyInheritance(
  spec: RequestSpec,
  chain: readonly InheritanceLevel[],
): RequestSpec {
  const headers = inheritedHeaders(spec, chain).map((h) => ({
    key: h.key,
    value: h.value,
    enabled: true,
  }))
  const assertions = [...inheritedAssertions(chain), ...(spec.assertions ?? [])]
  return {
    ...spec,
    headers: [...headers, ...spec.headers],
    auth: effectiveAuth(spec.auth, chain).auth,
    ...(assertions.length > 0 && { assertions }),
  }
}

/** The variable sources of one send, weakest first. */
export interface VariableSources {
  globals: readonly VariableRow[]
  chain: readonly InheritanceLevel[]
  environment: { name: string; variables: readonly VariableRow[] } | null
  request: readonly VariableRow[]
}

/**
 * Every variable visible to a request with its winning value and scope: globals <
 * workspace < folders (outer to inner) < active environment < request-local values.
 */
export function scopedVariables(sources: VariableSources): Map<string, ScopedValue> {
  const out = new Map<string, ScopedValue>()
  const add = (rows: readonly VariableRow[], scope: VariableScope, source?: string) => {
    for (const row of rows) {
      if (!row.enabled || row.name.trim() === '') continue
      out.set(row.name.trim(), {
        value: row.value,
        scope,
        secret: row.secret,
        ...(source ? { source } : {}),
      })
    }
  }
  add(sources.globals, 'global')
  for (const level of sources.chain) {
    add(level.defaults.variables, level.kind, level.kind === 'folder' ? level.name : undefined)
  }
  if (sources.environment) {
    add(sources.environment.variables, 'environment', sources.environment.name)
  }
  add(sources.request, 'request')
  return out
}

/** The plain name -> value map the engine resolves `{{name}}` from. */
export function variableValues(scoped: Map<string, ScopedValue>): Record<string, string> {
  return Object.fromEntries([...scoped].map(([name, v]) => [name, v.value]))
}

import type { Assertion } from '../model/assertion'
import type { Scripts } from '../model/scripts'
import type { VariableRow } from '../model/variables'
import type { InheritanceLevel } from './inheritance'

/** Scripts of one level that run before a request's own: "workspace", or "folder Users". */
export interface ScriptLevel {
  name: string
  scripts: Scripts
  /** A folder's own name, for pm.execution.location.current; absent for the workspace's. */
  item?: string
}

/** What a level is called in results and errors. */
export function levelName(level: InheritanceLevel): string {
  return level.kind === 'workspace' ? 'workspace' : `folder ${level.name}`
}

/** The assertions of the workspace and folders above, outermost first: they run before the request's. */
export function inheritedAssertions(chain: readonly InheritanceLevel[]): Assertion[] {
  return chain.flatMap((level) => level.defaults.assertions ?? [])
}

/** The levels above with a script, outermost first (workspace, folders): Postman's order. */
export function inheritedScripts(chain: readonly InheritanceLevel[]): ScriptLevel[] {
  return chain
    .filter((level) => {
      const s = level.defaults.scripts
      return !!s && (s.preRequest.trim() !== '' || s.postResponse.trim() !== '')
    })
    .map((level) => ({
      name: levelName(level),
      scripts: level.defaults.scripts!,
      ...(level.kind === 'folder' && { item: level.name }),
    }))
}

/** The values a script sees per scope, as `pm.globals`, `pm.collectionVariables`, ... give them. */
export interface VariableScopes {
  globals: Record<string, string>
  /** The workspace's and folders' variables, inner folders winning. */
  collection: Record<string, string>
  environment: Record<string, string>
  /** The request's own variables: what `pm.variables` starts from. */
  request: Record<string, string>
}

/** Every enabled variable by the scope it is defined in (a value shadowed elsewhere included). */
export function variableScopes(sources: {
  globals: readonly VariableRow[]
  chain: readonly InheritanceLevel[]
  environment: { variables: readonly VariableRow[] } | null
  request: readonly VariableRow[]
}): VariableScopes {
  const values = (rows: readonly VariableRow[]) =>
    Object.fromEntries(
      rows.filter((r) => r.enabled && r.name.trim() !== '').map((r) => [r.name.trim(), r.value]),
    )
  return {
    globals: values(sources.globals),
    collection: Object.assign(
      {},
      ...sources.chain.map((level) => values(level.defaults.variables)),
    ),
    environment: values(sources.environment?.variables ?? []),
    request: values(sources.request),
  }
}

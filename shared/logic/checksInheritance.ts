import type { Assertion } from '../model/assertion'
import type { Scripts } from '../model/scripts'
import type { InheritanceLevel } from './inheritance'

/** Scripts of one level that run before a request's own: "workspace", or "folder Users". */
export interface ScriptLevel {
  name: string
  scripts: Scripts
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
    .map((level) => ({ name: levelName(level), scripts: level.defaults.scripts! }))
}

import type { ScriptLevel } from '../../../shared/logic/checksInheritance'
import type { RunItemRef } from '../../../shared/model/run'
import type { RequestSpec } from '../../../shared/model/request'

/** One request of a run, ready to send: what checkedSend needs, fixed for the whole run. */
export interface RunPlanItem extends RunItemRef {
  /** Inheritance applied (headers, auth, assertions); variables not yet resolved. */
  spec: RequestSpec
  /** Scripts of the collection/workspace and folders above, outermost first. */
  scriptLevels: ScriptLevel[]
  /** Collection scope as this request sees it: workspace/collection then folders, inner wins. */
  collection: Record<string, string>
  /** The request's own variables (the strongest scope). */
  request: Record<string, string>
  /** Names of the folders above, outermost first (for --folder and the runner's tree). */
  folders: string[]
  /** The source's own id (a Postman item's `id`): pm.info.requestId, as newman gives it. */
  sourceId?: string
}

/** What a run runs: the requests in order, and the variables they start from. */
export interface RunPlan {
  /** The workspace, folder or collection, as reports title it. */
  name: string
  items: RunPlanItem[]
  globals: Record<string, string>
  environment: Record<string, string>
  environmentName: string | null
  /** Variables whose values are masked wherever the run shows or keeps a request. */
  secretNames: string[]
  /** Where `file:` schemas and relative file paths resolve (a workspace, or --working-dir). */
  workingDir: string | null
  /** For history entries: the workspace the requests belong to, if any. */
  workspace: { dir: string; name: string } | null
}

/** Every script text the plan's requests run (their own and their levels'), empty ones left out. */
export function planScripts(plan: RunPlan): string[] {
  const sources: string[] = []
  const add = (s: { preRequest: string; postResponse: string } | undefined) => {
    for (const source of [s?.preRequest, s?.postResponse]) {
      if (source && source.trim() !== '') sources.push(source)
    }
  }
  for (const item of plan.items) {
    add(item.spec.scripts)
    for (const level of item.scriptLevels) add(level.scripts)
  }
  return sources
}

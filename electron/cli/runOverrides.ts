import { resolveRequest } from '../../shared/logic/variables'
import type { RunPlan } from '../core/runner/runPlan'

/**
 * Values given from outside (COURIER_VAR_*, --secrets) over every saved scope that holds
 * the name, as `courier send` applies them; and secret variables left with no value taken
 * out, so a request using one fails as unresolved instead of sending an empty value.
 *
 * @returns the names of secrets a request uses that nobody supplied.
 */
export function applyOverrides(plan: RunPlan, overrides: Record<string, string>): string[] {
  const secret = new Set(plan.secretNames)
  const missing = (scope: Record<string, string>) => {
    for (const name of Object.keys(scope))
      if (secret.has(name) && scope[name] === '' && !Object.hasOwn(overrides, name))
        delete scope[name]
  }
  const apply = (scope: Record<string, string>) => {
    missing(scope)
    for (const [name, value] of Object.entries(overrides))
      if (Object.hasOwn(scope, name)) scope[name] = value
  }
  apply(plan.globals)
  missing(plan.environment)
  Object.assign(plan.environment, overrides)
  for (const item of plan.items) {
    apply(item.collection)
    apply(item.request)
  }
  plan.secretNames = [...new Set([...plan.secretNames, ...Object.keys(overrides)])]
  const unsupplied = new Set<string>()
  for (const item of plan.items) {
    const values = { ...plan.globals, ...item.collection, ...plan.environment, ...item.request }
    for (const name of resolveRequest(item.spec, values).unresolved)
      if (secret.has(name) && !Object.hasOwn(overrides, name)) unsupplied.add(name)
  }
  return [...unsupplied]
}

/**
 * Postman's dynamic variables: {{$guid}}, {{$timestamp}}, {{$randomInt}}, {{$randomEmail}}
 * and the rest of its list, each given a value when a request that uses one is sent and
 * does not define it. The values are made by postman-collection, as newman makes them
 * (its generators, on faker), which is loaded only for such a request. Each name gets one
 * value per send: two {{$guid}} in one request are the same (newman makes one each).
 */
import type { Resolution } from '../../../shared/logic/variables'
import type { RequestSpec } from '../../../shared/model/request'
import { resolveForSend } from './prepareRequest'

/** Postman writes each dynamic variable's name with a leading $. */
const isDynamic = (name: string) => name.startsWith('$')

/**
 * The request resolved, with a value for each dynamic variable it uses and the variables
 * do not define; `variables` with those values, for what is kept of the send.
 */
export async function resolveWithDynamic(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
  variableSizeLimitMB: number,
): Promise<{ resolution: Resolution; variables: Readonly<Record<string, string>> }> {
  const resolution = resolveForSend(spec, variables, variableSizeLimitMB)
  const wanted = resolution.unresolved.filter(isDynamic)
  if (wanted.length === 0) return { resolution, variables }
  const { dynamicValues } = await import('./postmanDynamicValues')
  const withValues = { ...variables, ...dynamicValues(wanted) }
  return {
    resolution: resolveForSend(spec, withValues, variableSizeLimitMB),
    variables: withValues,
  }
}

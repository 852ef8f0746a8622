/**
 * Postman's dynamic variables: {{$guid}}, {{$timestamp}}, {{$randomInt}}, {{$randomEmail}}
 * and the rest of its list, each given a value when a request that uses one is sent and
 * does not define it. The values are made by postman-collection, as newman makes them
 * (its generators, on faker), which is loaded only for such a request.
 */
import type { Resolution } from '../../../shared/logic/variables'
import type { RequestSpec } from '../../../shared/model/request'
import { resolveForSend } from './prepareRequest'

/** Postman writes each dynamic variable's name with a leading $. */
const isDynamic = (name: string) => name.startsWith('$')

/**
 * The request resolved, with a value made for each place it uses a dynamic variable that
 * the variables do not define (two {{$guid}} get two, as in newman).
 */
export async function resolveWithDynamic(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
  variableSizeLimitMB: number,
): Promise<Resolution> {
  const resolution = resolveForSend(spec, variables, variableSizeLimitMB)
  if (!resolution.unresolved.some(isDynamic)) return resolution
  const { dynamicValue } = await import('./postmanDynamicValues')
  return resolveForSend(spec, variables, variableSizeLimitMB, dynamicValue)
}

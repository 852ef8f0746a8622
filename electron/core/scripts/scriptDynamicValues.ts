import type { dynamicValue as make } from '../http/postmanDynamicValues'

/**
 * Postman's dynamic variables for pm.variables.replaceIn ({{$randomEmail}}, ...), made on
 * the host by postman-collection as for a request (http/postmanDynamicValues.ts). The
 * kernel asks synchronously, so the generators are loaded before a run whose scripts name
 * one (`{{$`): loading them costs a run that names none nothing. The sandbox makes
 * $guid, $timestamp, $isoTimestamp and $randomInt itself.
 */
let generators: { dynamicValue: typeof make } | null = null

/** Loads the generators if a script of the run may ask for one. */
export async function loadDynamicValuesFor(sources: readonly string[]): Promise<void> {
  if (generators || !sources.some((source) => source.includes('{{$'))) return
  generators = await import('../http/postmanDynamicValues')
}

/** The value for one dynamic variable; undefined when it is not one, or none was loaded. */
export function dynamicValue(name: string): string | undefined {
  return generators?.dynamicValue(name)
}

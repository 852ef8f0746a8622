import { computed, inject, type ComputedRef, type InjectionKey } from 'vue'
import type { ScopedValue } from '../../../shared/model/variables'

/** The variables visible where a `{{name}}` is typed, for highlighting, hover and completion. */
export const VARIABLES_KEY: InjectionKey<ComputedRef<Map<string, ScopedValue>>> =
  Symbol('variables')

/** The variables in scope here (an empty map outside a request editor). */
export function useScopedVariables(): ComputedRef<Map<string, ScopedValue>> {
  return inject(VARIABLES_KEY, () => computed(() => new Map<string, ScopedValue>()), true)
}

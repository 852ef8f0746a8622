/**
 * A deep, plain copy of JSON data (specs, variables, drafts). Reactive state is shared
 * by reference; a copy is taken where a value must not follow later edits (what was sent,
 * a dialog's draft, a tab opened from elsewhere).
 */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

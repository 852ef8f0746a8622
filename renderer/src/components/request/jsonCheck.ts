import { shallowRef } from 'vue'
import type { JsonProblem } from '../../../../shared/logic/json'

/**
 * The JSON check of an ordinary (not big) request body, on the UI thread, without
 * jsonc-parser in the app's first chunk.
 *
 * Why: locating a problem (line, column, reason) takes jsonc-parser, ~20 kB that every
 * start evaluated before the first screen, though a valid body (the usual case) needs only
 * `JSON.parse`. So the parser's module loads on first need (or when the body editor opens,
 * loadJsonProblemFinder), and until it is in, an invalid body is "still being checked".
 */
const finder = shallowRef<((text: string) => JsonProblem | null) | null>(null)
let loading: Promise<unknown> | undefined

/** Loads what locates a JSON problem; once it is in, checkJsonNow reports problems. */
export function loadJsonProblemFinder(): Promise<unknown> {
  loading ??= import('../../../../shared/logic/json').then(
    (module) => (finder.value = module.findJsonProblem),
    () => (loading = undefined), // A failed load is tried again at the next check.
  )
  return loading
}

/**
 * null when the text is valid JSON, else its first problem; undefined while what locates
 * problems still loads (a reactive read: a computed calling this runs again once it is in).
 */
export function checkJsonNow(text: string): JsonProblem | null | undefined {
  try {
    JSON.parse(text)
    return null
  } catch {
    // Invalid: where and why, below.
  }
  const find = finder.value
  if (find) return find(text)
  void loadJsonProblemFinder()
  return undefined
}

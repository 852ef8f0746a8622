import type { Ref } from 'vue'

/**
 * A store's way to run an api call: the result, or null with the failure's message put in
 * `error` for the UI to show. Nothing throws into a component.
 */
export function attemptInto(error: Ref<string | null>) {
  return async function attempt<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      const result = await run()
      error.value = null
      return result
    } catch (e) {
      error.value = (e as Error).message
      return null
    }
  }
}

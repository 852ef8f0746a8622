import { useApi } from '../../../api/currentApi'
import type { EventPayload } from '../../../../../shared/ipc'

/**
 * The `body:*` calls, reached when needed rather than at setup: a viewer of a complete
 * body never talks to the Node side, so it mounts without an api (as in the older tests).
 * Kept bodies are per view and per session, so they are not store state.
 */
export const bodyApi = () => useApi().body

/** Follows `body:progress`; returns the function that stops listening. */
export function onBodyProgress(listener: (p: EventPayload<'body:progress'>) => void): () => void {
  return useApi().on('body:progress', listener)
}

/** The message of a rejected call, for a note the user reads. */
export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

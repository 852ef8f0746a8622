import {
  listedExecution,
  type RunEventPayload,
  type RunStreamEvent,
} from '../../../shared/ipc/runCalls'

/** How long events gather before they go: a fast run sends ~30 requests in that time. */
const BATCH_MS = 30
/** Events in one message at most, so one message stays small whatever the pace. */
const BATCH_EVENTS = 500

/**
 * A run's events to the window in batches: one `run:event` message per ~30 ms rather than
 * three per request, each execution listed without its body (the window reads details
 * back with `run:execution`). The end of a run goes out at once.
 */
export function runEventBatches(runId: string, send: (payload: RunEventPayload) => void) {
  let queue: RunStreamEvent[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  function flush(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (queue.length === 0) return
    const events = queue
    queue = []
    send({ runId, events })
  }

  return {
    push(event: RunStreamEvent): void {
      queue.push(
        event.type === 'execution'
          ? { type: 'execution', execution: listedExecution(event.execution) }
          : event,
      )
      if (event.type === 'done' || event.type === 'failed' || queue.length >= BATCH_EVENTS) flush()
      else timer ??= setTimeout(flush, BATCH_MS)
    },
    flush,
  }
}

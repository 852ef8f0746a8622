import { monitorEventLoopDelay } from 'node:perf_hooks'

/**
 * The longest the event loop was held up while `work` ran, ms: the widest lateness of a
 * 1 ms timer (perf_hooks' event-loop delay histogram), which, unlike a busy ticker, leaves
 * the cores to the work being measured.
 */
export async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  // The histogram counts from its timer's first turn: a block before that would be missed.
  await new Promise((resolve) => setTimeout(resolve, 5))
  try {
    await work()
  } finally {
    delay.disable()
  }
  return delay.max / 1e6
}

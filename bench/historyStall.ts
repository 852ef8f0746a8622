import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** What this thread went through while some work ran. */
export interface Stall {
  /** The longest the event loop was held up, ms. */
  longestMs: number
  /**
   * CPU time this thread (the one answering the UI) spent meanwhile, ms: every event-loop
   * turn together, so it bounds the longest one. Null where Linux's schedstat is missing.
   */
  threadCpuMs: number | null
  /** Time this thread was ready to run but waited for a core (the machine's load), ms. */
  threadWaitMs: number | null
}

/** This thread's time on a CPU and waiting for one, ns (Linux /proc/thread-self/schedstat). */
function schedstat(): { runNs: number; waitNs: number } | null {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(' ')
    return { runNs: Number(run), waitNs: Number(wait) }
  } catch {
    return null
  }
}

/**
 * How long the event loop was held up while `work` ran: the widest lateness of a 1 ms
 * timer (perf_hooks' event-loop delay histogram), which, unlike a busy ticker, leaves the
 * cores to the work being measured; and this thread's CPU time and wait for a core, which
 * tell its own work from the machine's load.
 */
export async function longestStall(work: () => Promise<unknown>): Promise<Stall> {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  // The histogram counts from its timer's first turn: a block before that would be missed.
  await new Promise((resolve) => setTimeout(resolve, 5))
  const before = schedstat()
  try {
    await work()
  } finally {
    delay.disable()
  }
  const after = schedstat()
  const ms = (ns: number) => Math.round(ns / 1e3) / 1e3
  return {
    longestMs: delay.max / 1e6,
    threadCpuMs: before && after ? ms(after.runNs - before.runNs) : null,
    threadWaitMs: before && after ? ms(after.waitNs - before.waitNs) : null,
  }
}

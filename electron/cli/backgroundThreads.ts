import { readdirSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'

/** The lowest priority there is: the threads run when a core has nothing else to do. */
const LOWEST = 19

/**
 * Gives every thread of this process but the main one the lowest scheduling priority (nice
 * 19), on Linux; elsewhere does nothing. Returns how many threads it lowered.
 *
 * Why: `courier run` sends one request at a time, so its speed is that of its main thread
 * and of the server's answer. Node starts V8 with four background threads whatever the
 * machine has, and in a run's first thousand requests V8's optimising compiler works ~0.5 s
 * of CPU on them. On a 2-core machine (many CI runners) they take the cores that the main
 * thread and the API under test, often on the same machine, are waiting for. Lowered, they
 * still use every core nobody else wants. Measured with `npm run bench -- runner`'s
 * workload on 2 cores, interleaved: 1.35 → 1.03 ms per request (at nice 10: ~1.18).
 * `--v8-pool-size=1` does about as well, but only as a flag of node itself: a shebang
 * cannot pass it portably (BusyBox's env has no -S), and starting a second node to pass it
 * costs ~60 ms of every run's start.
 *
 * On Linux a thread's nice value is its own: setpriority(2) takes a thread id. The threads
 * are V8's and libuv's pool (file reads, DNS lookups), listed in /proc/self/task; threads
 * started later keep the normal priority.
 */
export function lowerBackgroundThreads(): number {
  if (process.platform !== 'linux') return 0
  let lowered = 0
  let threads: string[]
  try {
    threads = readdirSync('/proc/self/task')
  } catch {
    return 0
  }
  for (const name of threads) {
    const tid = Number(name)
    if (!Number.isInteger(tid) || tid === process.pid) continue
    try {
      if (getPriority(tid) >= LOWEST) continue
      setPriority(tid, LOWEST)
      lowered++
    } catch {
      // Gone already, or not ours to change: it keeps its priority.
    }
  }
  return lowered
}

/**
 * The longest time the event loop went without a turn while `work` ran, ms: a ticker
 * re-arms itself with setImmediate and keeps the widest gap between two of its turns.
 */
export async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  let running = true
  const tick = () => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    if (running) setImmediate(tick)
  }
  setImmediate(tick)
  try {
    await work()
  } finally {
    running = false
  }
  return Math.max(longest, performance.now() - last)
}

import { formatJson } from '../shared/logic/json'

/** Median of `runs` timings of `task`, in ms. */
function median(runs: number, task: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    task()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

/**
 * Pretty-printing a 5 MB JSON response (what the response viewer does on every JSON body)
 * against the baseline JSON.stringify(JSON.parse(text), null, 2) in the same run.
 * Target: within 4x of the baseline (about 0.2 s for 5 MB here), while keeping numbers and key order as received.
 */
export async function benchFormatJson(): Promise<void> {
  const text = JSON.stringify(
    Array.from({ length: 110_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })),
  )
  const baselineMs = median(5, () => JSON.stringify(JSON.parse(text), null, 2))
  const formatMs = median(5, () => formatJson(text))
  console.log(
    JSON.stringify({
      bench: 'formatJson',
      bytes: text.length,
      baselineStringifyMs: Math.round(baselineMs),
      formatJsonMs: Math.round(formatMs),
      ratio: Math.round((formatMs / baselineMs) * 100) / 100,
    }),
  )
}

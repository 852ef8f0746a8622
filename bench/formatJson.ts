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
 * against the baseline JSON.stringify(JSON.parse(text), null, 2) in the same run, the
 * floor for text that must be checked and re-indented. Target: at most 2x the baseline,
 * while keeping numbers and key order as received. JSON.stringify alone (the value already
 * parsed) is printed too, as the lower floor no text-based printer can reach.
 */
export async function benchFormatJson(): Promise<void> {
  const text = JSON.stringify(
    Array.from({ length: 110_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })),
  )
  const baselineMs = median(5, () => JSON.stringify(JSON.parse(text), null, 2))
  const value: unknown = JSON.parse(text)
  const stringifyOnlyMs = median(5, () => JSON.stringify(value, null, 2))
  const formatMs = median(5, () => formatJson(text))
  console.log(
    JSON.stringify({
      bench: 'formatJson',
      bytes: text.length,
      baselineStringifyMs: Math.round(baselineMs),
      stringifyOnlyMs: Math.round(stringifyOnlyMs),
      formatJsonMs: Math.round(formatMs),
      ratio: Math.round((formatMs / baselineMs) * 100) / 100,
      ratioToStringifyOnly: Math.round((formatMs / stringifyOnlyMs) * 100) / 100,
      target: 'ratio <= 2',
    }),
  )
}

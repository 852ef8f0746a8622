import { formatJson } from '../shared/logic/json'

/**
 * Median timing of each task, in ms, over `rounds` rounds that run every task once in turn,
 * so that a change of load on a shared machine weighs on all of them alike.
 */
function medians(rounds: number, tasks: Array<() => void>): number[] {
  const times = tasks.map((): number[] => [])
  for (let round = 0; round < rounds; round++) {
    tasks.forEach((task, t) => {
      const started = performance.now()
      task()
      times[t]!.push(performance.now() - started)
    })
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(rounds / 2)]!)
}

/**
 * Pretty-printing a 5 MB JSON response (what the response viewer does on every JSON body).
 * The budget is against JSON.stringify(value, null, 2) alone, the value already parsed, in the
 * same run: formatJson checks and re-indents the text itself, keeping numbers and key order as
 * received, in at most twice that time. JSON.stringify(JSON.parse(text), null, 2), what a
 * text must otherwise go through, is printed too.
 */
export async function benchFormatJson(): Promise<void> {
  const text = JSON.stringify(
    Array.from({ length: 110_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })),
  )
  const value: unknown = JSON.parse(text)
  const [stringifyOnlyMs, parseAndStringifyMs, formatMs] = medians(9, [
    () => JSON.stringify(value, null, 2),
    () => JSON.stringify(JSON.parse(text), null, 2),
    () => formatJson(text),
  ]) as [number, number, number]
  const ratio = (ms: number) => Math.round((formatMs / ms) * 100) / 100
  console.log(
    JSON.stringify({
      bench: 'formatJson',
      bytes: text.length,
      stringifyOnlyMs: Math.round(stringifyOnlyMs),
      parseAndStringifyMs: Math.round(parseAndStringifyMs),
      formatJsonMs: Math.round(formatMs),
      ratioToStringifyOnly: ratio(stringifyOnlyMs),
      ratioToParseAndStringify: ratio(parseAndStringifyMs),
      target: 'ratioToStringifyOnly <= 2',
    }),
  )
}

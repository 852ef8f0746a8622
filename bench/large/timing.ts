import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { median } from './numbers'

export class Timeout extends Error {}

/** Rejects with Timeout after `ms`; the promise keeps running (a hung page cannot be interrupted). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Timeout(`${what}: did not finish within ${Math.round(ms / 1000)} s`)),
        ms,
      )
    }),
  ])
}

/**
 * A full GC, so the Node figures start from what the app holds rather than from this
 * bench's own garbage (generated text, the floor's copies).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** JSON.parse and JSON.stringify(v, null, 2) of the body in plain Node, median of 3 each. */
export function floor(text: string): { parseMs: number; stringifyMs: number; totalMs: number } {
  const parses: number[] = []
  const stringifies: number[] = []
  const totals: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    const value: unknown = JSON.parse(text)
    const t1 = performance.now()
    JSON.stringify(value, null, 2)
    const t2 = performance.now()
    parses.push(t1 - t0)
    stringifies.push(t2 - t1)
    totals.push(t2 - t0)
  }
  return { parseMs: median(parses), stringifyMs: median(stringifies), totalMs: median(totals) }
}

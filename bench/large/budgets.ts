import type { SizeResult } from './measureSize'

/**
 * The speed and memory budgets of big bodies, checked here and never in tests: each is
 * printed as a JSON line with its limit, the measured value and whether it held, so a
 * slower machine shows a number, not a red build. `--strict` makes a miss exit non-zero.
 */
export interface BudgetLine {
  bench: 'large'
  case: string
  budget: string
  limit: number
  measured: number | null
  unit: 'ms' | 'x'
  pass: boolean
}

/**
 * The JSON line of a budget, its unit in the key names, e.g.
 * `{"bench":"large","case":"request-body-50MB","budget":"longest UI task while typing","limit_ms":100,"measured_ms":42,"pass":true}`
 * (ratios: `limit_x`, `measured_x`). `measured` is null when the run produced no figure.
 */
export function budgetJson(line: BudgetLine): string {
  const { unit, limit, measured, pass, ...rest } = line
  return JSON.stringify({
    ...rest,
    [`limit_${unit}`]: limit,
    [`measured_${unit}`]: measured,
    pass,
  })
}

/** The longest UI-thread task allowed while a big body is shown, edited or sent. */
export const LONGEST_TASK_MS = 100

export function budget(
  caseName: string,
  name: string,
  limit: number,
  measured: number | null,
  unit: BudgetLine['unit'],
): BudgetLine {
  return {
    bench: 'large',
    case: caseName,
    budget: name,
    limit,
    measured,
    unit,
    pass: measured !== null && measured <= limit,
  }
}

/** The budgets of one response size (the targets). */
export function responseBudgets(r: SizeResult): BudgetLine[] {
  const name = `response-${r.sizeMB}MB`
  const lines = [
    budget(
      name,
      'longest UI task',
      LONGEST_TASK_MS,
      r.status === 'ok' ? (r.maxLongTaskMs ?? 0) : null,
      'ms',
    ),
    budget(name, 'pretty view / floor (JSON.parse + stringify)', 2, r.prettyOverFloor, 'x'),
    // What the body costs the renderer (peak RSS minus the page's RSS before the send): the
    // page's own ~165 MB would otherwise fail every body under 55 MB.
    budget(name, 'renderer RSS growth / body', 3, r.rendererRssGrowthOverBody, 'x'),
  ]
  if (r.sizeMB >= 100) lines.unshift(budget(name, 'first screen', 1000, r.firstScreenMs, 'ms'))
  return lines
}

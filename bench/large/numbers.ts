/** Rounding, units and ratios for the figures. */

export const MB = 1024 * 1024

export const round = (n: number | null, digits = 0) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits
export const toMB = (bytes: number | null) => (bytes === null ? null : round(bytes / MB, 1))
export const growth = (peak: number | null, before: number | null) =>
  peak === null || before === null ? null : peak - before
export const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : round(a / b, 2)

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
}

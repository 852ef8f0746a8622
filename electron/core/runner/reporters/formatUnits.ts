/**
 * Sizes and durations as newman prints them (its filesize and pretty-ms settings), so a
 * summary reads the same from `courier run` as from `newman run`.
 */

const SIZE_UNITS = ['kB', 'MB', 'GB', 'TB'] as const

/** Bytes in decimal units, two decimals at most, no space: `512B`, `1.23kB`, `4MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1000) return `${Math.max(0, Math.round(bytes || 0))}B`
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return `${Number(value.toFixed(2))}${SIZE_UNITS[unit]}`
}

/**
 * A duration in ms: `850µs` under a millisecond, whole ms under 2 s (`1997ms`), then
 * seconds with one decimal (`2.5s`), then `1m 5s`, `1h 2m`, `1d 1h 1m 1s`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0ms'
  if (ms < 1) return `${Math.floor(ms * 1000)}µs`
  if (ms < 1998) return `${Math.floor(ms)}ms`
  if (ms < 60_000) return `${trimmed(Math.floor(ms / 100) / 10)}s`
  const parts: string[] = []
  let rest = Math.floor(ms / 1000)
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n > 0) parts.push(`${n}${unit}`)
  }
  if (rest > 0) parts.push(`${rest}s`)
  return parts.join(' ')
}

function trimmed(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}

/** Seconds with three decimals, as JUnit's `time` attributes hold them (never a comma). */
export function junitSeconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3)
}

import type { BodySearchMatch } from '../../../../../shared/model/body'

/** A run of a line's text, marked when it is (part of) a search match. */
export interface LineSegment {
  text: string
  mark: boolean
  /** The match the search is on. */
  current: boolean
}

/** The matches on one line, from the sorted list `body:search` returns. */
export function matchesOnLine(
  matches: readonly BodySearchMatch[],
  line: number,
): readonly BodySearchMatch[] {
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (matches[mid]!.line < line) lo = mid + 1
    else hi = mid
  }
  let end = lo
  while (end < matches.length && matches[end]!.line === line) end++
  return matches.slice(lo, end)
}

/**
 * A line cut into plain and marked runs, so the template renders `<mark>` elements
 * from data and never parses HTML. Overlapping matches are merged into the first.
 */
export function lineSegments(
  text: string,
  matches: readonly BodySearchMatch[],
  current: BodySearchMatch | null,
): LineSegment[] {
  const segments: LineSegment[] = []
  let at = 0
  for (const m of matches) {
    const start = Math.max(m.column, at)
    const end = Math.min(m.column + m.length, text.length)
    if (end <= start) continue
    if (start > at) segments.push({ text: text.slice(at, start), mark: false, current: false })
    const isCurrent = current !== null && current.line === m.line && current.column === m.column
    segments.push({ text: text.slice(start, end), mark: true, current: isCurrent })
    at = end
  }
  if (at < text.length || segments.length === 0) {
    segments.push({ text: text.slice(at), mark: false, current: false })
  }
  return segments
}

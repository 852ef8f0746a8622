/**
 * Pure geometry of the virtualised line list. Chromium stops growing an element at
 * roughly 16-33 million pixels, and the pretty view of a 100 MB body has millions of
 * lines, so past MAX_SCROLL_HEIGHT the spacer is capped and the scroll position maps
 * proportionally onto the rows ("virtual" pixels). Rows inside the viewport keep their
 * exact positions: only the first row shown is chosen proportionally.
 */

/** Tallest spacer, in CSS pixels: well under Chromium's cap, with room for zoom. */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface ScrollGeometry {
  rowCount: number
  /** CSS pixels of one row. */
  rowHeight: number
  /** CSS pixels of the scroller's visible height. */
  viewportHeight: number
}

const contentHeight = (g: ScrollGeometry) => g.rowCount * g.rowHeight

/** Height of the element that gives the scroller its scroll range. */
export function spacerHeight(g: ScrollGeometry): number {
  return Math.min(contentHeight(g), MAX_SCROLL_HEIGHT)
}

/** Largest virtual top: the last row sits at the bottom of the viewport. */
export function maxVirtualTop(g: ScrollGeometry): number {
  return Math.max(0, contentHeight(g) - g.viewportHeight)
}

/** Virtual pixels per scroll pixel: 1 until the spacer is capped. */
function ratio(g: ScrollGeometry): number {
  const scrollRange = Math.max(0, spacerHeight(g) - g.viewportHeight)
  return scrollRange > 0 ? maxVirtualTop(g) / scrollRange : 1
}

/** The virtual top for a scroll position; the very end always shows the last row. */
export function virtualTopFor(scrollTop: number, g: ScrollGeometry): number {
  const scrollRange = Math.max(0, spacerHeight(g) - g.viewportHeight)
  if (scrollRange > 0 && scrollTop >= scrollRange - 1) return maxVirtualTop(g)
  return clamp(scrollTop * ratio(g), 0, maxVirtualTop(g))
}

/** The scroll position that shows a virtual top (rounded by the browser, hence kept apart). */
export function scrollTopFor(virtualTop: number, g: ScrollGeometry): number {
  return clamp(virtualTop / ratio(g), 0, Math.max(0, spacerHeight(g) - g.viewportHeight))
}

/** The rows to render, with `overscan` extra on each side, and where the first one goes. */
export function visibleWindow(
  virtualTop: number,
  scrollTop: number,
  g: ScrollGeometry,
  overscan: number,
): { first: number; end: number; top: number } {
  const v = clamp(virtualTop, 0, maxVirtualTop(g))
  const first = Math.max(0, Math.floor(v / g.rowHeight) - overscan)
  const end = Math.min(g.rowCount, Math.ceil((v + g.viewportHeight) / g.rowHeight) + overscan)
  // In scroller coordinates: the viewport starts at scrollTop and shows virtual pixel v there.
  return { first, end, top: scrollTop + first * g.rowHeight - v }
}

/**
 * The virtual top that brings `row` fully into view: moving as little as possible, or,
 * with `center`, putting a row that is out of view in the middle (a search match then
 * shows with its surroundings rather than on the edge).
 */
export function revealRow(
  row: number,
  virtualTop: number,
  g: ScrollGeometry,
  center = false,
): number {
  const top = row * g.rowHeight
  const outside = top < virtualTop || top + g.rowHeight > virtualTop + g.viewportHeight
  if (center && outside) {
    return clamp(top - (g.viewportHeight - g.rowHeight) / 2, 0, maxVirtualTop(g))
  }
  if (top < virtualTop) return top
  if (top + g.rowHeight > virtualTop + g.viewportHeight) {
    return clamp(top + g.rowHeight - g.viewportHeight, 0, maxVirtualTop(g))
  }
  return virtualTop
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

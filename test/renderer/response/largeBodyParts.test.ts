import { describe, expect, it } from 'vitest'
import { FoldedRanges } from '../../../renderer/src/components/response/large/foldedRanges'
import { lineSegments } from '../../../renderer/src/components/response/large/highlightSegments'
import { LinePageCache } from '../../../renderer/src/components/response/large/linePageCache'
import {
  MAX_SCROLL_HEIGHT,
  revealRow,
  scrollTopFor,
  spacerHeight,
  virtualTopFor,
  visibleWindow,
} from '../../../renderer/src/components/response/large/scrollMapping'

describe('scrollMapping', () => {
  const small = { rowCount: 1000, rowHeight: 20, viewportHeight: 200 }
  const huge = { rowCount: 5_000_000, rowHeight: 20, viewportHeight: 200 }

  it('maps one to one while the rows fit under the cap', () => {
    expect(spacerHeight(small)).toBe(20_000)
    expect(virtualTopFor(1234, small)).toBe(1234)
    expect(scrollTopFor(1234, small)).toBe(1234)
    expect(visibleWindow(1230, 1230, small, 0)).toEqual({ first: 61, end: 72, top: 1220 })
  })

  it('scales past the cap, keeps rows exact in the viewport and ends on the last row', () => {
    expect(spacerHeight(huge)).toBe(MAX_SCROLL_HEIGHT)
    const end = MAX_SCROLL_HEIGHT - huge.viewportHeight
    const v = virtualTopFor(end, huge)
    expect(v).toBe(5_000_000 * 20 - 200)
    const window = visibleWindow(v, end, huge, 0)
    expect(window.end).toBe(5_000_000)
    // The last row's bottom is the viewport's bottom.
    expect(window.top + (window.end - window.first) * 20).toBe(end + 200)
    const middle = virtualTopFor(end / 2, huge)
    expect(Math.round(middle / 20)).toBe(2_499_995)
    expect(scrollTopFor(middle, huge)).toBeCloseTo(end / 2)
  })

  it('moves as little as possible to reveal a row', () => {
    expect(revealRow(5, 0, small)).toBe(0)
    expect(revealRow(10, 0, small)).toBe(20)
    expect(revealRow(3, 200, small)).toBe(60)
    // A search match out of view comes to the middle; one in view stays put.
    expect(revealRow(100, 0, small, true)).toBe(2000 - 90)
    expect(revealRow(5, 0, small, true)).toBe(0)
  })
})

describe('FoldedRanges', () => {
  it('maps display rows and lines around folds, nested folds hidden with their parent', () => {
    let folds = new FoldedRanges().toggle(2, 5).toggle(8, 10)
    expect(folds.rowCount(20)).toBe(15)
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => folds.lineAt(r))).toEqual([0, 1, 2, 6, 7, 8, 11])
    expect([2, 4, 6, 8, 9, 11].map((l) => folds.rowOf(l))).toEqual([2, 2, 3, 5, 5, 6])

    folds = folds.toggle(1, 12)
    expect(folds.rowCount(20)).toBe(9)
    expect(folds.lineAt(2)).toBe(13)
    expect(folds.toggle(1, 12).rowCount(20)).toBe(15)
    expect(folds.reveal(9).folds).toEqual([{ start: 2, end: 5 }])
  })
})

describe('LinePageCache', () => {
  it('drops the least recently used page', () => {
    const cache = new LinePageCache(2)
    const page = { lines: ['x'], foldEnds: [-1] }
    cache.set(0, page)
    cache.set(1, page)
    cache.get(0)
    cache.set(2, page)
    expect([cache.has(0), cache.has(1), cache.has(2)]).toEqual([true, false, true])
  })
})

describe('lineSegments', () => {
  it('cuts a line into marked and plain runs', () => {
    const m = (column: number, length: number) => ({ line: 0, column, length })
    expect(lineSegments('a foo b foo', [m(2, 3), m(8, 3)], m(8, 3))).toEqual([
      { text: 'a ', mark: false, current: false },
      { text: 'foo', mark: true, current: false },
      { text: ' b ', mark: false, current: false },
      { text: 'foo', mark: true, current: true },
    ])
    expect(lineSegments('', [], null)).toEqual([{ text: '', mark: false, current: false }])
  })
})

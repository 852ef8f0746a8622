/**
 * Which lines of the pretty view are folded away. Only the outermost folds matter: a
 * fold inside a folded range is hidden with it and keeps its state for when the outer
 * one opens. Display rows are the lines still shown; mapping between them and document
 * lines is a binary search over the outermost folds, so millions of lines cost nothing.
 */
export interface Fold {
  /** The line that opens the object or array (still shown). */
  start: number
  /** The line that closes it (hidden with everything between). */
  end: number
}

export class FoldedRanges {
  /** Every fold the user closed, sorted by start. */
  private readonly all: Fold[]
  /** The outermost folds, sorted by start, each with the lines hidden before it. */
  private readonly outer: { fold: Fold; hiddenBefore: number; displayStart: number }[] = []
  /** Lines hidden by all the outermost folds. */
  readonly hidden: number

  constructor(folds: readonly Fold[] = []) {
    this.all = [...folds].sort((a, b) => a.start - b.start)
    let hidden = 0
    let outerEnd = -1
    for (const fold of this.all) {
      if (fold.start <= outerEnd) continue
      this.outer.push({ fold, hiddenBefore: hidden, displayStart: fold.start - hidden })
      hidden += fold.end - fold.start
      outerEnd = fold.end
    }
    this.hidden = hidden
  }

  get folds(): readonly Fold[] {
    return this.all
  }

  isFolded(start: number): boolean {
    return this.endOf(start) !== undefined
  }

  /** The end of the fold opening at `start`, when it is folded. */
  endOf(start: number): number | undefined {
    return this.all.find((f) => f.start === start)?.end
  }

  /** A copy with the fold opening at `start` closed or opened. */
  toggle(start: number, end: number): FoldedRanges {
    if (this.isFolded(start)) return new FoldedRanges(this.all.filter((f) => f.start !== start))
    return new FoldedRanges([...this.all, { start, end }])
  }

  /** A copy with every fold that hides `line` opened (to reveal a search match). */
  reveal(line: number): FoldedRanges {
    const kept = this.all.filter((f) => !(f.start < line && line <= f.end))
    return kept.length === this.all.length ? this : new FoldedRanges(kept)
  }

  /** Display rows for a document of `lineCount` lines. */
  rowCount(lineCount: number): number {
    return lineCount - this.hidden
  }

  /** The document line shown at a display row. */
  lineAt(row: number): number {
    const j = this.lastOuterBefore((o) => o.displayStart < row)
    if (j < 0) return row
    const o = this.outer[j]!
    return row + o.hiddenBefore + (o.fold.end - o.fold.start)
  }

  /** The display row of a document line (of its folded parent when it is hidden). */
  rowOf(line: number): number {
    const j = this.lastOuterBefore((o) => o.fold.start < line)
    if (j < 0) return line
    const o = this.outer[j]!
    if (line <= o.fold.end) return o.displayStart
    return line - o.hiddenBefore - (o.fold.end - o.fold.start)
  }

  /** Index of the last outermost fold satisfying a predicate that holds for a prefix. */
  private lastOuterBefore(
    test: (o: { fold: Fold; hiddenBefore: number; displayStart: number }) => boolean,
  ): number {
    let lo = 0
    let hi = this.outer.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (test(this.outer[mid]!)) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
}

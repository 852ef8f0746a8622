import { BODY_PAGE_LINES, type BodyLines } from '../../../../../shared/model/body'

/** Lines asked for in one `body:lines` call (the first page comes with `body:open`). */
export const PAGE_LINES = BODY_PAGE_LINES
/** Pages kept: ~20,000 lines, a few MB at most, whatever the body's size. */
export const CACHED_PAGES = 40

/**
 * The pages of a view fetched so far, least recently used dropped first, so scrolling
 * through a 100 MB body never holds more than a few thousand lines in the renderer.
 * A Map keeps insertion order: re-inserting on read makes it an LRU.
 */
export class LinePageCache {
  private readonly pages = new Map<number, BodyLines>()

  constructor(private readonly capacity = CACHED_PAGES) {}

  get(page: number): BodyLines | undefined {
    const found = this.pages.get(page)
    if (found) {
      this.pages.delete(page)
      this.pages.set(page, found)
    }
    return found
  }

  has(page: number): boolean {
    return this.pages.has(page)
  }

  set(page: number, lines: BodyLines): void {
    this.pages.delete(page)
    this.pages.set(page, lines)
    while (this.pages.size > this.capacity) {
      this.pages.delete(this.pages.keys().next().value!)
    }
  }

  get size(): number {
    return this.pages.size
  }
}

import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import type { BodyOpenResult, BodyView } from '../../../../../shared/model/body'
import { bodyApi, reasonOf } from './bodyApi'
import { LinePageCache, PAGE_LINES } from './linePageCache'

/** Page fetches at once: a fast drag through the scroll bar must not queue hundreds. */
const MAX_IN_FLIGHT = 4

/** One opened view of one kept body, with the pages fetched for it. */
interface LineDocument {
  bodyId: string
  view: BodyView
  lineCount: number
  cache: LinePageCache
  inFlight: Set<number>
  /** Pages the viewport needs now; only these are fetched. */
  wanted: number[]
}

/**
 * The lines of a kept body as the viewer needs them: `open` prepares a view on the Node
 * side, `want` says which lines are on screen, and `line` answers from a bounded cache
 * (undefined until its page arrives, so rendering never waits). Fetches started for
 * another body or view are discarded when they come back.
 */
export function useBodyLines(bodyId: () => string) {
  const doc = shallowRef<LineDocument | null>(null)
  /** Bumped when a page arrives, so rows that read the cache render again. */
  const revision = ref(0)
  const loadError = ref('')
  let openToken = 0

  /** Opens a view; null when a later open (or another body) superseded it. */
  async function open(view: BodyView): Promise<BodyOpenResult | null> {
    const token = ++openToken
    const id = bodyId()
    const result = await bodyApi().open({ bodyId: id, view })
    if (token !== openToken || id !== bodyId()) return null
    if (result.ok) {
      loadError.value = ''
      const cache = new LinePageCache()
      cache.set(0, result.first)
      doc.value = {
        bodyId: id,
        view,
        lineCount: result.lineCount,
        cache,
        inFlight: new Set(),
        wanted: [],
      }
    }
    return result
  }

  /** Forgets a pending open, e.g. when the user goes back to Raw while Pretty is formatting. */
  function cancelOpen() {
    openToken++
  }

  function page(line: number) {
    const d = doc.value
    return d ? d.cache.get(Math.floor(line / PAGE_LINES)) : undefined
  }

  function line(i: number): string | undefined {
    return page(i)?.lines[i % PAGE_LINES]
  }

  function foldEnd(i: number): number {
    return page(i)?.foldEnds[i % PAGE_LINES] ?? -1
  }

  function want(lines: readonly number[]) {
    const d = doc.value
    if (!d) return
    d.wanted = [...new Set(lines.map((l) => Math.floor(l / PAGE_LINES)))]
    pump(d)
  }

  function pump(d: LineDocument) {
    for (const p of d.wanted) {
      if (d.inFlight.size >= MAX_IN_FLIGHT) return
      if (d.cache.has(p) || d.inFlight.has(p)) continue
      void fetchPage(d, p)
    }
  }

  async function fetchPage(d: LineDocument, p: number) {
    d.inFlight.add(p)
    const from = p * PAGE_LINES
    try {
      const lines = await bodyApi().lines({
        bodyId: d.bodyId,
        view: d.view,
        from,
        count: Math.max(1, Math.min(PAGE_LINES, d.lineCount - from)),
      })
      if (doc.value !== d) return
      d.cache.set(p, lines)
      revision.value++
    } catch (error) {
      // Not retried: the usual cause is a body the Node side no longer keeps.
      if (doc.value === d) loadError.value = `Could not read the body: ${reasonOf(error)}`
      return
    } finally {
      d.inFlight.delete(p)
    }
    pump(d)
  }

  watch(bodyId, () => {
    cancelOpen()
    doc.value = null
  })
  onBeforeUnmount(cancelOpen)

  return { doc, revision, loadError, open, cancelOpen, line, foldEnd, want }
}

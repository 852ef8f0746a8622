import { computed, nextTick, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import {
  maxVirtualTop,
  revealRow,
  scrollTopFor,
  spacerHeight,
  virtualTopFor,
  visibleWindow,
  type ScrollGeometry,
} from './scrollMapping'

/** Rows rendered beyond each edge of the viewport, so a small scroll shows no gap. */
const OVERSCAN = 8
/** Used until the scroller has a size (and in tests, where nothing has one). */
const FALLBACK_VIEWPORT = 600

/**
 * The scroll state of a virtualised list of same-height rows (see scrollMapping). The
 * virtual top is authoritative: the element's scrollTop is its (rounded, possibly
 * scaled) image, so a row brought into view by the keyboard or a search lands exactly.
 */
export function useVirtualScroll(
  scroller: Ref<HTMLElement | null>,
  options: {
    rowCount: () => number
    rowHeight: () => number
    /** A fixed viewport height; measured from the element when undefined. */
    viewportHeight: () => number | undefined
  },
) {
  const measured = ref(0)
  const virtualTop = ref(0)
  const scrollTop = ref(0)
  let expectedScrollTop = Number.NaN

  const geometry = computed<ScrollGeometry>(() => ({
    rowCount: options.rowCount(),
    rowHeight: options.rowHeight(),
    viewportHeight: options.viewportHeight() ?? (measured.value || FALLBACK_VIEWPORT),
  }))
  const shown = computed(() =>
    visibleWindow(virtualTop.value, scrollTop.value, geometry.value, OVERSCAN),
  )
  const spacer = computed(() => spacerHeight(geometry.value))

  function onScroll() {
    const el = scroller.value
    if (!el) return
    scrollTop.value = el.scrollTop
    // Our own scroll lands within a pixel of what was asked: keep the exact virtual top.
    if (Math.abs(el.scrollTop - expectedScrollTop) <= 1) return
    expectedScrollTop = Number.NaN
    virtualTop.value = virtualTopFor(el.scrollTop, geometry.value)
  }

  /** Brings a row into view; waits a render so a grown spacer can scroll that far. */
  async function reveal(row: number, center = false) {
    virtualTop.value = revealRow(row, virtualTop.value, geometry.value, center)
    await nextTick()
    const el = scroller.value
    if (!el) return
    el.scrollTop = scrollTopFor(virtualTop.value, geometry.value)
    expectedScrollTop = el.scrollTop
    scrollTop.value = el.scrollTop
  }

  /** The row at the top of the viewport. */
  const topRow = () => Math.ceil(virtualTop.value / geometry.value.rowHeight)

  let observer: ResizeObserver | undefined
  onMounted(() => {
    const el = scroller.value!
    measured.value = el.clientHeight
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        // A viewport that shrinks (a note appears above it) keeps the last row in view.
        const atEnd = virtualTop.value >= maxVirtualTop(geometry.value) - 1
        measured.value = el.clientHeight
        if (atEnd) virtualTop.value = maxVirtualTop(geometry.value)
        scrollTop.value = el.scrollTop
      })
      observer.observe(el)
    }
  })
  onBeforeUnmount(() => observer?.disconnect())

  return { geometry, shown, spacer, onScroll, reveal, topRow }
}

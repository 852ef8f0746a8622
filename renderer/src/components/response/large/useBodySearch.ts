import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import type { BodySearchMatch, BodySearchResult, BodyView } from '../../../../../shared/model/body'
import { bodyApi, reasonOf } from './bodyApi'
import { matchesOnLine } from './highlightSegments'

/** Typing pauses this long before the Node side searches (a 100 MB scan is not free). */
export const SEARCH_DEBOUNCE_MS = 250

const count = (n: number) => n.toLocaleString('en-US')

/**
 * Search in the shown view of a kept body. The Node side scans the body; the renderer
 * only keeps the first matches (MAX_SEARCH_MATCHES) to mark and step through them.
 * `target` is null while no view is open, e.g. before the first open answers.
 */
export function useBodySearch(target: () => { bodyId: string; view: BodyView } | null) {
  const query = ref('')
  /** Off: "user" finds "User" too, as most testers expect first. */
  const caseSensitive = ref(false)
  const result = shallowRef<BodySearchResult | null>(null)
  const index = ref(0)
  const error = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  let token = 0
  let running: Promise<void> | null = null

  async function run() {
    timer = undefined
    const mine = ++token
    const where = target()
    const text = query.value
    if (!where || text === '') {
      result.value = null
      error.value = ''
      return
    }
    try {
      const found = await bodyApi().search({
        ...where,
        query: text,
        caseSensitive: caseSensitive.value,
      })
      if (mine !== token) return
      result.value = found
      error.value = ''
      index.value = 0
    } catch (e) {
      if (mine !== token) return
      result.value = null
      error.value = `Search failed: ${reasonOf(e)}`
    }
  }

  function schedule() {
    clearTimeout(timer)
    // An emptied box clears the marks at once; a new query waits for the typing to pause.
    if (query.value === '') void run()
    else timer = setTimeout(() => (running = run()), SEARCH_DEBOUNCE_MS)
  }

  /** Runs a search still waiting for the debounce now, so Enter never steps stale matches. */
  async function settle(): Promise<boolean> {
    if (timer === undefined) {
      await running
      return false
    }
    clearTimeout(timer)
    running = run()
    await running
    return true
  }

  async function step(delta: 1 | -1) {
    if (await settle()) return
    const n = result.value?.matches.length ?? 0
    if (n === 0) return
    index.value = (index.value + delta + n) % n
  }

  const current = computed<BodySearchMatch | null>(() => result.value?.matches[index.value] ?? null)

  const status = computed(() => {
    if (error.value) return error.value
    const r = result.value
    if (!r || query.value === '') return ''
    if (r.total === 0) return 'No matches'
    return `${count(index.value + 1)} of ${count(r.total)}${r.capped ? '+' : ''}`
  })

  const on = (line: number) => matchesOnLine(result.value?.matches ?? [], line)

  watch(query, schedule)
  // A toggle, not typing: search again at once.
  watch(caseSensitive, () => void run())
  // Another body or view: the old matches mean nothing there.
  watch(
    () => {
      const t = target()
      return t ? `${t.bodyId}\n${t.view}` : ''
    },
    () => {
      result.value = null
      schedule()
    },
  )
  onBeforeUnmount(() => {
    clearTimeout(timer)
    token++
  })

  return {
    query,
    caseSensitive,
    result,
    current,
    status,
    matchesOn: on,
    next: () => step(1),
    previous: () => step(-1),
  }
}

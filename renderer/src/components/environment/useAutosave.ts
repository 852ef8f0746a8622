import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

/** How long edits settle before they are saved: a pause in typing, not every keystroke. */
export const AUTOSAVE_DELAY_MS = 400

export interface Autosave {
  /** True while what is shown differs from what was last saved (or loaded). */
  dirty: Ref<boolean>
  /** Why the last save did not happen (e.g. a missing name); null when it did. */
  problem: Ref<string | null>
  /**
   * Saves pending edits now, after any save in flight. Resolves true when nothing is left
   * unsaved, false when the save was refused or failed (`problem` or the store says why).
   */
  flush(): Promise<boolean>
  /** Takes what is shown as saved, without saving: after loading another entry. */
  settle(): void
}

/**
 * Saves an editor's value as it is edited, the way the request editor keeps its drafts:
 * once edits settle, on `flush` (Close, Escape, switching entries), when the editor
 * unmounts and when the page is hidden (window closed or reloaded). Saves run one at a
 * time, so a rename is never raced by the next edit.
 *
 * @param current what is shown, as a comparable string (JSON of the fields that are saved)
 * @param save writes what is shown: a string says why it cannot be saved yet, false means
 *   the store refused it (its error is shown), true that it is saved
 */
export function useAutosave(
  current: () => string,
  save: () => Promise<boolean | string>,
): Autosave {
  const problem = ref<string | null>(null)
  const dirty = ref(false)
  let saved = current()
  let timer: ReturnType<typeof setTimeout> | undefined
  let queue: Promise<boolean> = Promise.resolve(true)

  watch(current, (value) => {
    dirty.value = value !== saved
    clearTimeout(timer)
    timer = dirty.value ? setTimeout(() => void flush(), AUTOSAVE_DELAY_MS) : undefined
  })

  async function saveOnce(): Promise<boolean> {
    const shown = current()
    if (shown === saved) return true
    const outcome = await save()
    if (typeof outcome === 'string') {
      problem.value = outcome
      return false
    }
    problem.value = null
    if (!outcome) return false
    saved = shown
    dirty.value = current() !== saved
    return !dirty.value || saveOnce()
  }

  function flush(): Promise<boolean> {
    clearTimeout(timer)
    timer = undefined
    queue = queue.then(saveOnce, saveOnce)
    return queue
  }

  function settle() {
    clearTimeout(timer)
    timer = undefined
    saved = current()
    dirty.value = false
    problem.value = null
  }

  const onPageHide = () => {
    if (dirty.value) void flush()
  }
  window.addEventListener('pagehide', onPageHide)
  onBeforeUnmount(() => {
    window.removeEventListener('pagehide', onPageHide)
    if (dirty.value) void flush()
  })

  return { dirty, problem, flush, settle }
}

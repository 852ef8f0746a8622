import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import type { BodyFilterResult } from '../../../../shared/model/body'
import { bodyApi, reasonOf } from './large/bodyApi'

/**
 * A JSONPath filter over a kept JSON body. The Node side evaluates it and keeps the
 * matches as a new body; this viewer obtained that body, so it releases it when the
 * result is replaced, cleared, the response changes or the viewer goes away. The
 * response's own body is the exchange store's to release, never this one's.
 */
export function useBodyFilter(bodyId: () => string | null) {
  const expression = ref('')
  const result = shallowRef<BodyFilterResult | null>(null)
  const error = ref('')
  const busy = ref(false)
  let token = 0

  function release(filtered: BodyFilterResult | null) {
    // Best effort: a body the Node side already dropped is no loss.
    if (filtered)
      bodyApi()
        .release({ bodyId: filtered.bodyId })
        .catch(() => undefined)
  }

  async function apply() {
    const id = bodyId()
    const text = expression.value.trim()
    if (!id || text === '') return
    const mine = ++token
    busy.value = true
    try {
      const found = await bodyApi().filter({ bodyId: id, expression: text })
      if (mine !== token) return release(found)
      release(result.value)
      result.value = found
      error.value = ''
    } catch (e) {
      if (mine !== token) return
      error.value = reasonOf(e)
    } finally {
      if (mine === token) busy.value = false
    }
  }

  function clear() {
    token++
    busy.value = false
    release(result.value)
    result.value = null
    error.value = ''
  }

  watch(bodyId, () => {
    clear()
    expression.value = ''
  })
  onBeforeUnmount(clear)

  return { expression, result, error, busy, apply, clear }
}

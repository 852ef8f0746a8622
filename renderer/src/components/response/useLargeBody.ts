import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
import type { ResponseRecord } from '../../../../shared/model/response'
import { inBackground, type BackgroundJob } from '../../composables/inBackground'
import { formatBytes } from './formatResponse'

export type BodyViewName = 'pretty' | 'raw' | 'preview'

/**
 * Above this many characters a body opens in Raw, as received, and formatting is offered
 * rather than forced: formatting and highlighting a big JSON body on the UI thread froze
 * the window (bench/large.ts: ~0.5 s at 10 MB, ~3 s at 50 MB), while the raw text shows
 * at once. 1 MB keeps every ordinary API response in Pretty.
 */
const LARGE_BODY_CHARS = 1_000_000

export const isLarge = (r: ResponseRecord | undefined) =>
  r !== undefined && r.bodyEncoding !== 'base64' && r.body.length > LARGE_BODY_CHARS

/**
 * A large JSON body is formatted in a worker, once, when asked (Format, or choosing
 * Pretty); until then `formatted` is undefined and the body is shown as received. A new
 * response cancels the work; a small one after a large one goes back to Pretty.
 */
export function useLargeBody(
  response: () => ResponseRecord,
  kind: Ref<string>,
  view: Ref<BodyViewName>,
) {
  const large = computed(() => isLarge(response()))
  const largeNote = computed(
    () => `Large response (${formatBytes(response().sizes.body)}): shown as received.`,
  )
  const backgroundJson = computed(() => large.value && kind.value === 'json')
  const formatted = shallowRef<string | null | undefined>(undefined)
  const formatting = ref(false)
  let job: BackgroundJob<string | null> | undefined

  function stopFormatting() {
    job?.cancel()
    job = undefined
    formatting.value = false
  }

  function startFormatting() {
    if (formatting.value || formatted.value !== undefined) return
    const current = inBackground({ op: 'format', text: response().body })
    job = current
    formatting.value = true
    void current.result.then((text) => {
      if (job !== current) return
      job = undefined
      formatting.value = false
      formatted.value = text
      view.value = 'pretty'
    })
  }

  /** The note's Format button: Pretty, once the text is formatted. */
  function format() {
    if (backgroundJson.value && formatted.value === undefined) startFormatting()
    else view.value = 'pretty'
  }

  watch(view, (v) => {
    if (v === 'pretty' && backgroundJson.value) startFormatting()
  })
  watch(response, (next, previous) => {
    stopFormatting()
    formatted.value = undefined
    if (isLarge(next)) view.value = 'raw'
    else if (isLarge(previous) && view.value === 'raw') view.value = 'pretty'
  })
  onBeforeUnmount(stopFormatting)

  return { large, largeNote, backgroundJson, formatted, formatting, format }
}

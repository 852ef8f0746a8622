import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
// formatJson.ts, not json.ts: json.ts brings jsonc-parser, which the first screen does not need
// (jsonCheck.ts loads it when a body needs it).
import { formatJsonOrProblem } from '../../../../shared/logic/formatJson'
import type { JsonProblem } from '../../../../shared/logic/json'
import type { RequestBody } from '../../../../shared/model/request'
import { formatBytes } from '../response/formatResponse'
import { inBackground, type BackgroundJob } from '../../composables/inBackground'
import type { CheckResult } from '../../workers/textJobs'
import { checkJsonNow, loadJsonProblemFinder } from './jsonCheck'

/**
 * Above this many characters a body is checked and formatted in a worker, after typing
 * settles: jsonc-parser takes ~10 ms per 100 KB on the UI thread, so a 50 MB body took
 * seconds on every change.
 */
export const BACKGROUND_CHARS = 200_000
/** Above this many characters the editor shows plain text (see BaseCodeEditor largeAbove). */
export const LARGE_EDITOR_CHARS = 1_000_000
/**
 * The biggest file a text body takes. A body lives in the editor, the open-tabs drafts and
 * the send message at once; bigger files belong in a Binary body, streamed from disk.
 */
export const MAX_TEXT_FILE_BYTES = 200 * 1024 * 1024
/** A pause after the last change before a big body is checked again. */
const CHECK_DELAY_MS = 300

type TextBody = Extract<RequestBody, { type: 'json' | 'raw' }>
const isText = (b: RequestBody): b is TextBody => b.type === 'json' || b.type === 'raw'

/**
 * The work a text body needs that would freeze the UI on a big one: the JSON check (inline
 * for ordinary bodies, in a worker for big ones), Format, and loading a file.
 */
export function useBodyWork(body: Ref<RequestBody>) {
  /** The last background check, for the exact text it checked. */
  // The body editor is open: what locates a JSON problem loads now, before it is needed.
  void loadJsonProblemFinder()
  const checked = shallowRef<{ text: string; problem: JsonProblem | null; bytes?: number }>()
  const formatting = ref(false)
  const readingFile = ref<string | null>(null)
  const fileError = ref('')
  let checkJob: BackgroundJob<CheckResult> | undefined
  let checkTimer: ReturnType<typeof setTimeout> | undefined
  let formatJob: BackgroundJob<string | null> | undefined
  let readJob: BackgroundJob<unknown> | undefined

  const text = computed(() => (isText(body.value) ? body.value.text : ''))
  const big = computed(() => text.value.length > BACKGROUND_CHARS)
  const large = computed(() => text.value.length > LARGE_EDITOR_CHARS)
  /** This text's background check, when it is done (cheap: compares the same string). */
  const result = computed(() => (checked.value?.text === text.value ? checked.value : undefined))

  /** The JSON problem; undefined while a big body is still being checked. */
  const jsonProblem = computed<JsonProblem | null | undefined>(() => {
    const b = body.value
    if (b.type !== 'json') return null
    // A big text is never trimmed here: that alone copies it.
    if (!big.value) return b.text.trim() === '' ? null : checkJsonNow(b.text)
    return result.value ? result.value.problem : undefined
  })
  const checking = computed(() => jsonProblem.value === undefined)

  /** The size shown for a large body, in UTF-8 bytes once a read or a check has counted them. */
  const largeNote = computed(() => {
    if (!large.value) return ''
    const bytes = result.value?.bytes
    const size = bytes === undefined ? '' : ` (${formatBytes(bytes)})`
    return `Large body${size}: shown without syntax highlighting.`
  })

  // A big body is checked once typing settles; a large raw one only has its size counted.
  watch(
    [() => body.value.type, text],
    ([type, current]) => {
      // A refused file's message goes once the body is edited or changes type.
      fileError.value = ''
      checkJob?.cancel()
      clearTimeout(checkTimer)
      const json = type === 'json'
      if (!big.value || (!json && !large.value) || result.value) return
      checkTimer = setTimeout(() => {
        const job = inBackground({ op: 'check', text: current, json })
        checkJob = job
        void job.result.then((r) => {
          if (checkJob === job) checked.value = { text: current, ...r }
        })
      }, CHECK_DELAY_MS)
    },
    { immediate: true },
  )

  /** Pretty-prints the JSON body: inline when small, in a worker when big. */
  function format() {
    const b = body.value
    if (b.type !== 'json' || formatting.value) return
    if (!big.value) {
      // Not JSON, or too deeply nested to indent: the text stays as it is.
      const pretty = formatJsonOrProblem(b.text)
      if (typeof pretty === 'string') body.value = { ...b, text: pretty }
      return
    }
    const source = b.text
    const job = inBackground({ op: 'format', text: source })
    formatJob = job
    formatting.value = true
    void job.result.then((pretty) => {
      if (formatJob !== job) return
      formatting.value = false
      // An edit made meanwhile wins over the formatted copy of the older text.
      if (pretty === null || body.value.type !== 'json' || body.value.text !== source) return
      checked.value = { text: pretty, problem: null }
      body.value = { ...body.value, text: pretty }
    })
  }

  /** Replaces the text with a local file's, refusing what is too big or not text. */
  function loadFile(file: File) {
    fileError.value = ''
    readJob?.cancel()
    readingFile.value = null
    if (!isText(body.value)) return
    if (file.size > MAX_TEXT_FILE_BYTES) {
      fileError.value =
        `${file.name} is ${formatBytes(file.size)}, more than the ` +
        `${formatBytes(MAX_TEXT_FILE_BYTES)} a text body can hold. Use the Binary body ` +
        `type instead: it streams the file from disk as it is sent.`
      return
    }
    const json = body.value.type === 'json'
    const job = inBackground({ op: 'read', file, json })
    readJob = job
    readingFile.value = file.name
    void job.result.then((read) => {
      if (readJob !== job) return
      readingFile.value = null
      const b = body.value
      if (!isText(b)) return
      if (!read.ok) {
        fileError.value =
          `${file.name} is not UTF-8 text, so it cannot be edited as a body. Use the ` +
          `Binary body type to send its bytes as they are.`
        return
      }
      // Read as raw, it was not checked as JSON: a body that is JSON by now checks it then.
      checked.value = json === (b.type === 'json') ? { ...read } : undefined
      body.value = { ...b, text: read.text }
    })
  }

  onBeforeUnmount(() => {
    clearTimeout(checkTimer)
    checkJob?.cancel()
    formatJob?.cancel()
    readJob?.cancel()
  })

  return {
    jsonProblem,
    checking,
    formatting,
    readingFile,
    fileError,
    large,
    largeNote,
    format,
    loadFile,
  }
}

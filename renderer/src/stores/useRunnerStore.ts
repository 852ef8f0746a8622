import { defineStore } from 'pinia'
import { computed, markRaw, reactive, ref, shallowRef } from 'vue'
import type {
  RunDataInfo,
  RunEventPayload,
  RunReportFormat,
  RunStartArgsInput,
  RunStreamEvent,
} from '../../../shared/ipc'
import type { RunExecution, RunSummary } from '../../../shared/model/run'
import { useApi } from '../api/currentApi'
import { downloadUrl } from '../composables/downloadFile'
import { attemptInto } from './attempt'
import { RunResults } from './runResults'
import { moved, requestsOf, scopeOf, type RunnerItem, type RunnerTarget } from './runnerScope'
import { useFileConsentStore } from './useFileConsentStore'
import { useWorkspaceStore } from './useWorkspaceStore'

const REPORT_EXTENSIONS: Record<RunReportFormat, string> = {
  html: 'html',
  json: 'json',
  junit: 'xml',
}

/** The run on screen: its id, name and how far it got. */
export interface RunnerRun {
  runId: string
  name: string
  phase: 'starting' | 'running' | 'ended'
  /** Requests expected: iterations × requests (setNextRequest may send more or fewer). */
  expected: number
  /** The request in flight, for the progress line. */
  current: string | null
}

/** The next animation frame where there is one (a hidden page has none: a task then). */
function nextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(run)
  } else setTimeout(run, 16)
}

/**
 * The Runner: what to run (requests of a folder or the workspace, chosen and ordered, with
 * iterations, data file, delay, bail, cookies and environment), the run's live results,
 * the details of one execution, rerun of the failed requests and the report export.
 * Results arrive in batches and are applied once per animation frame.
 */
export const useRunnerStore = defineStore('runner', () => {
  const workspace = useWorkspaceStore()
  const visible = ref(false)
  const target = ref<RunnerTarget>({ kind: 'workspace' })
  /** The target's requests in saved order, to tell whether the user changed the selection. */
  const saved = shallowRef<RunnerItem[]>([])
  const items = ref<RunnerItem[]>([])
  const options = reactive({
    iterations: 1,
    dataFile: '',
    delayMs: 0,
    bail: false,
    keepCookies: true,
    saveCookies: false,
    environment: null as string | null,
  })
  const dataInfo = ref<RunDataInfo | null>(null)
  const dataError = ref<string | null>(null)
  /** The last failed call (start, export, details), worded for the user. */
  const error = ref<string | null>(null)
  const attempt = attemptInto(error)

  const run = ref<RunnerRun | null>(null)
  const summary = shallowRef<RunSummary | null>(null)
  /** Why the run broke off (not a failed request: the run itself). */
  const brokeOff = ref<string | null>(null)
  const results = shallowRef(markRaw(new RunResults()))
  /** Bumped whenever `results` grows, for what reads it. */
  const version = ref(0)
  const failuresOnly = ref(false)
  const selected = ref<number | null>(null)
  const details = shallowRef<RunExecution | null>(null)
  const exportNote = ref<string | null>(null)
  let lastStart: RunStartArgsInput | null = null
  let unsubscribe: (() => void) | null = null
  let pending: RunStreamEvent[] = []
  let framePending = false
  let counter = 0

  const running = computed(() => run.value !== null && run.value.phase !== 'ended')
  const rowCount = computed(() => (version.value, results.value.count(failuresOnly.value)))
  const canRerunFailed = computed(
    () => (version.value, run.value?.phase === 'ended' && results.value.failures > 0),
  )

  /** Opens the Runner on a folder or the workspace, its requests in saved order. */
  function openFor(next: RunnerTarget) {
    target.value = next
    saved.value = requestsOf(workspace.snapshot?.tree ?? [], next)
    items.value = saved.value.map((item) => ({ ...item }))
    options.environment = workspace.snapshot?.activeEnvironment ?? null
    visible.value = true
  }

  function close() {
    visible.value = false
  }

  function move(from: number, to: number) {
    items.value = moved(items.value, from, to)
  }

  function chooseAll(checked: boolean) {
    for (const item of items.value) item.checked = checked
  }

  /** Reads the data file, to show its columns and rows; its rows become the iterations. */
  async function readData() {
    dataInfo.value = null
    dataError.value = null
    const path = options.dataFile.trim()
    if (path === '') return
    try {
      const info = await useApi().run.readData({ path })
      dataInfo.value = info
      if (info.rows > 0) options.iterations = info.rows
    } catch (e) {
      dataError.value = (e as Error).message
    }
  }

  function onEvent(payload: RunEventPayload) {
    if (payload.runId !== run.value?.runId) return
    for (const event of payload.events) pending.push(event)
    if (framePending) return
    framePending = true
    nextFrame(applyPending)
  }

  function applyPending() {
    framePending = false
    const events = pending
    pending = []
    const current = run.value
    if (!current) return
    for (const event of events) {
      if (event.type === 'start') {
        current.name = event.name
        current.expected = event.iterations * event.itemsPerIteration
      } else if (event.type === 'request') current.current = event.item.path
      else if (event.type === 'execution') results.value.add(event.execution)
      else if (event.type === 'done') {
        summary.value = event.summary
        current.phase = 'ended'
        current.current = null
      } else if (event.type === 'failed') {
        brokeOff.value = event.message
        current.phase = 'ended'
        current.current = null
      }
    }
    version.value++
  }

  /**
   * Asks about each local file the run would upload that the user has not confirmed (an
   * imported request's file, a workspace file Courier did not write), as a single Send
   * does. Resolves with the files confirmed for this run only, or null when one was refused.
   */
  async function confirmFiles(args: RunStartArgsInput): Promise<string[] | null> {
    const { scope, environment } = args
    const files = await attempt(() => useApi().run.filesToConfirm({ scope, environment }))
    if (files === null) return null
    const once: string[] = []
    const consent = useFileConsentStore()
    for (const file of files) {
      // Confirmed once for the run this one reruns.
      if (args.allowFiles?.includes(file)) {
        once.push(file)
        continue
      }
      const answer = await consent.ask(file, workspace.snapshot?.dir ?? null, 'run')
      if (answer === 'cancel') {
        error.value = `The run did not start: it uploads ${file}, which you did not confirm. Confirm it, or change the request that sends it.`
        return null
      }
      if (answer === 'once') once.push(file)
    }
    return once
  }

  async function begin(args: RunStartArgsInput) {
    error.value = null
    unsubscribe ??= useApi().on('run:event', onEvent)
    results.value = markRaw(new RunResults())
    summary.value = null
    brokeOff.value = null
    selected.value = null
    details.value = null
    exportNote.value = null
    pending = []
    version.value++
    run.value = { runId: args.runId, name: '', phase: 'starting', expected: 0, current: null }
    const allowFiles = await confirmFiles(args)
    if (allowFiles === null) {
      run.value = null
      return
    }
    args = { ...args, allowFiles }
    const started = await attempt(() => useApi().run.start(args))
    if (!started) {
      run.value = null
      return
    }
    lastStart = args
    run.value.name ||= started.name
    if (run.value.phase === 'starting') run.value.phase = 'running'
  }

  /** Runs the chosen requests with the options set. */
  async function start() {
    const scope = scopeOf(target.value, items.value, saved.value)
    if (scope.kind === 'requests' && scope.paths.length === 0) {
      error.value = 'Choose at least one request to run.'
      return
    }
    await begin({
      runId: `run-${Date.now()}-${++counter}`,
      scope,
      iterations: options.iterations,
      dataFile: options.dataFile.trim() || null,
      delayMs: options.delayMs,
      bail: options.bail,
      keepCookies: options.keepCookies,
      saveCookies: options.keepCookies && options.saveCookies,
      environment: options.environment,
    })
  }

  async function stop() {
    const id = run.value?.runId
    if (id) await attempt(() => useApi().run.stop({ runId: id }))
  }

  /** Runs again the requests that failed, with the same options. */
  async function rerunFailed() {
    const paths = results.value.failedRequests()
    if (!lastStart || paths.length === 0) return
    await begin({
      ...lastStart,
      runId: `run-${Date.now()}-${++counter}`,
      scope: { kind: 'requests', paths, name: run.value?.name || undefined },
    })
  }

  /** Shows one execution whole: its request, response and tests. */
  async function select(index: number | null) {
    selected.value = index
    details.value = null
    const id = run.value?.runId
    if (index === null || !id) return
    const found = await attempt(() => useApi().run.execution({ runId: id, index }))
    if (selected.value === index) details.value = found
  }

  async function exportReport(format: RunReportFormat) {
    const current = run.value
    if (!current) return
    exportNote.value = null
    const result = await attempt(() => useApi().run.export({ runId: current.runId, format }))
    if (result?.outcome === 'saved') exportNote.value = `Report saved to ${result.path}`
    else if (result?.outcome === 'download') {
      downloadUrl(`${current.name || 'run'}.${REPORT_EXTENSIONS[format]}`, result.url)
      exportNote.value = 'Report downloaded'
    }
  }

  return {
    visible,
    target,
    items,
    options,
    dataInfo,
    dataError,
    error,
    run,
    summary,
    brokeOff,
    results,
    version,
    failuresOnly,
    selected,
    details,
    exportNote,
    running,
    rowCount,
    canRerunFailed,
    openFor,
    close,
    move,
    chooseAll,
    readData,
    start,
    stop,
    rerunFailed,
    select,
    exportReport,
  }
})

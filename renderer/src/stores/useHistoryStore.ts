import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  emptyHistoryFilter,
  type HistoryEntry,
  type HistoryFilter,
  type HistorySummary,
} from '../../../shared/model/history'
import type { HistoryRun, HistoryRunCursor } from '../../../shared/model/historyRuns'
import type { ResponseRecord } from '../../../shared/model/response'
import { useApi } from '../api/currentApi'
import { attemptInto } from './attempt'
import { sideOf, type ComparedSide } from '../components/history/historySide'
import { entryName } from '../components/history/historyRequest'
import { mergeByTime, nextPageOf } from '../components/history/historyRuns'
import { watchRunsLive } from './historyRunsLive'

const sideOfEntry = (entry: HistoryEntry) =>
  sideOf(
    `${entryName(entry)} (${new Date(entry.at).toLocaleString()})`,
    entry.response,
    entry.error?.message,
  )

const PAGE = 100
const RUN_PAGE = 50

/**
 * The history list: a search and filters, read a page at a time from the Node side (the
 * whole history is never in memory), plus the selection and the entry being looked at.
 * Unfiltered, it lists collection runs as one row each beside the sends made on their
 * own; a search or filter lists matching sends, those of runs included.
 */
export const useHistoryStore = defineStore('history', () => {
  const filter = ref<HistoryFilter>(emptyHistoryFilter())
  const entries = ref<HistorySummary[]>([])
  const next = ref<{ at: number; id: number } | null>(null)
  /** Runs, newest first (none while a search or filter is on). */
  const runs = ref<HistoryRun[]>([])
  const runsNext = ref<HistoryRunCursor | null>(null)
  const loading = ref(false)
  const selected = ref<Set<number>>(new Set())
  const opened = ref<HistoryEntry | null>(null)
  /** Two responses being compared side by side, or null. */
  const comparing = ref<{ left: ComparedSide; right: ComparedSide } | null>(null)
  const error = ref<string | null>(null)
  /** Bumped by every new search, so a slow page of an old search is dropped. */
  let generation = 0
  let unsubscribe: (() => void) | null = null
  let stopRunsLive: (() => void) | null = null

  const filtering = computed(() => {
    const f = filter.value
    return (
      f.text.trim() !== '' ||
      f.methods.length > 0 ||
      f.statusClasses.length > 0 ||
      f.host !== '' ||
      f.workspace !== null ||
      f.environment !== null ||
      f.failedTests ||
      f.from !== null ||
      f.to !== null
    )
  })

  /** Sends and runs as the list shows them, newest first. */
  const items = computed(() =>
    mergeByTime(entries.value, next.value === null, runs.value, runsNext.value === null),
  )

  const attempt = attemptInto(error)

  /**
   * A tester looking through history without a search wants to see what they did: a run
   * of 600 requests is one thing they did, so its sends stay inside its row rather than
   * burying every send made by hand. A search or filter is a hunt for a particular send
   * (that 500 from /orders), so it looks everywhere, the sends of runs included.
   */
  const listArgs = () => ({ ...filter.value, outsideRuns: !filtering.value, limit: PAGE })

  /** Reads the first page for the current filter (and starts listening for new sends). */
  async function search() {
    unsubscribe ??= useApi().on('history:added', onAdded)
    stopRunsLive ??= watchRunsLive({ runs, filtering, refresh: refreshRun })
    const mine = ++generation
    loading.value = true
    const [page, runPage] = await Promise.all([
      attempt(() => useApi().history.list({ ...listArgs(), before: null })),
      filtering.value ? null : attempt(() => useApi().history.runs({ limit: RUN_PAGE })),
    ])
    if (mine !== generation) return
    loading.value = false
    if (!page) return
    entries.value = page.entries
    next.value = page.next
    runs.value = runPage?.runs ?? []
    runsNext.value = runPage?.next ?? null
  }

  /** The next page of whichever side the list is waiting on. */
  async function loadMore() {
    const side = nextPageOf(entries.value, !next.value, runs.value, !runsNext.value)
    if (!side || loading.value) return
    const mine = generation
    loading.value = true
    if (side === 'entries') {
      const page = await attempt(() => useApi().history.list({ ...listArgs(), before: next.value }))
      loading.value = false
      if (mine !== generation || !page) return
      entries.value = [...entries.value, ...page.entries]
      next.value = page.next
    } else {
      const page = await attempt(() =>
        useApi().history.runs({ before: runsNext.value, limit: RUN_PAGE }),
      )
      loading.value = false
      if (mine !== generation || !page) return
      runs.value = [...runs.value, ...page.runs]
      runsNext.value = page.next
    }
  }

  /** A new send: put on top at once, or, while a search narrows the list, searched again. */
  function onAdded(entry: HistorySummary) {
    if (filtering.value) void search()
    else if (entry.runId === null) entries.value = [entry, ...entries.value]
    else void refreshRun(entry.runId)
  }

  /** Reads one run's row again (a run that started, grew or ended), in its place. */
  async function refreshRun(runId: string) {
    let run: HistoryRun
    try {
      run = (await useApi().history.run({ runId, limit: 1 })).run
    } catch {
      // Not (or no longer) in history: nothing to show.
      return
    }
    const others = runs.value.filter((r) => r.runId !== runId)
    runs.value = [...others, run].sort((a, b) => b.startedAt - a.startedAt)
  }

  /** A page of a run's sends, in the order sent, after entry `after`. */
  async function runSends(runId: string, after: number | null) {
    return attempt(() => useApi().history.run({ runId, after, limit: PAGE }))
  }

  async function deleteRun(runId: string) {
    if ((await attempt(() => useApi().history.deleteRun({ runId }))) === null) return
    runs.value = runs.value.filter((r) => r.runId !== runId)
    if (opened.value?.runId === runId) opened.value = null
  }

  function setFilter(change: Partial<HistoryFilter>) {
    filter.value = { ...filter.value, ...change }
    return search()
  }

  async function open(id: number) {
    opened.value = await attempt(() => useApi().history.get({ id }))
  }

  function toggle(id: number) {
    const next = new Set(selected.value)
    if (!next.delete(id)) next.add(id)
    selected.value = next
  }

  async function remove(ids: number[]) {
    if ((await attempt(() => useApi().history.delete({ ids }))) === null) return
    const gone = new Set(ids)
    const loose = new Set(entries.value.map((e) => e.id))
    entries.value = entries.value.filter((e) => !gone.has(e.id))
    selected.value = new Set([...selected.value].filter((id) => !gone.has(id)))
    if (opened.value && gone.has(opened.value.id)) opened.value = null
    // Sends chosen inside a run's row: its counts change, or the run is gone with them.
    if (ids.some((id) => !loose.has(id))) await reloadRuns()
  }

  /** The runs shown, read again (as many as were loaded, within a page's limit). */
  async function reloadRuns() {
    if (filtering.value) return
    const limit = Math.min(200, Math.max(RUN_PAGE, runs.value.length))
    const page = await attempt(() => useApi().history.runs({ limit }))
    if (!page) return
    runs.value = page.runs
    runsNext.value = page.next
  }

  async function removeMatching() {
    if ((await attempt(() => useApi().history.deleteMatching(filter.value))) === null) return
    selected.value = new Set()
    await search()
  }

  async function clear() {
    if ((await attempt(() => useApi().history.clear({}))) === null) return
    entries.value = []
    next.value = null
    runs.value = []
    runsNext.value = null
    selected.value = new Set()
    opened.value = null
  }

  /** The selected entries as HAR text, or null when the export failed. */
  async function exportHar(ids: number[]) {
    return attempt(() => useApi().history.exportHar({ ids }))
  }

  /** Full entries, for comparing. */
  async function getMany(ids: number[]) {
    const found = await attempt(() => Promise.all(ids.map((id) => useApi().history.get({ id }))))
    return found ?? []
  }

  async function compareSelected() {
    const [a, b] = await getMany([...selected.value].sort((x, y) => x - y))
    if (a && b) comparing.value = { left: sideOfEntry(a), right: sideOfEntry(b) }
  }

  function compareWithResponse(entry: HistoryEntry, response: ResponseRecord) {
    comparing.value = { left: sideOfEntry(entry), right: sideOf('Current response', response) }
    opened.value = null
  }

  /** The last runs of a saved request, newest first (for its response viewer). */
  async function runsOf(workspace: string, requestPath: string, limit = 10) {
    const page = await attempt(() =>
      useApi().history.list({ workspace, requestPath, before: null, limit }),
    )
    return page?.entries ?? []
  }

  return {
    filter,
    entries,
    next,
    runs,
    runsNext,
    items,
    loading,
    selected,
    opened,
    comparing,
    error,
    filtering,
    search,
    loadMore,
    setFilter,
    open,
    toggle,
    remove,
    removeMatching,
    clear,
    exportHar,
    getMany,
    compareSelected,
    compareWithResponse,
    runsOf,
    runSends,
    deleteRun,
    refreshRun,
  }
})

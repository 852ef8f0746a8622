import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  HistoryFilterSchema,
  type HistoryEntry,
  type HistoryFilter,
  type HistorySummary,
} from '../../../shared/model/history'
import type { ResponseRecord } from '../../../shared/model/response'
import { useApi } from '../api/currentApi'
import { attemptInto } from './attempt'
import { sideOf, type ComparedSide } from '../components/history/historyDiff'
import { entryName } from '../components/history/historyRequest'

const sideOfEntry = (entry: HistoryEntry) =>
  sideOf(
    `${entryName(entry)} (${new Date(entry.at).toLocaleString()})`,
    entry.response,
    entry.error?.message,
  )

const PAGE = 100

/**
 * The history list: a search and filters, read a page at a time from the Node side (the
 * whole history is never in memory), plus the selection and the entry being looked at.
 */
export const useHistoryStore = defineStore('history', () => {
  const filter = ref<HistoryFilter>(HistoryFilterSchema.parse({}))
  const entries = ref<HistorySummary[]>([])
  const next = ref<{ at: number; id: number } | null>(null)
  const loading = ref(false)
  const selected = ref<Set<number>>(new Set())
  const opened = ref<HistoryEntry | null>(null)
  /** Two responses being compared side by side, or null. */
  const comparing = ref<{ left: ComparedSide; right: ComparedSide } | null>(null)
  const error = ref<string | null>(null)
  /** Bumped by every new search, so a slow page of an old search is dropped. */
  let generation = 0
  let unsubscribe: (() => void) | null = null

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

  const attempt = attemptInto(error)

  /** Reads the first page for the current filter (and starts listening for new sends). */
  async function search() {
    unsubscribe ??= useApi().on('history:added', onAdded)
    const mine = ++generation
    loading.value = true
    const page = await attempt(() =>
      useApi().history.list({ ...filter.value, before: null, limit: PAGE }),
    )
    if (mine !== generation) return
    loading.value = false
    if (!page) return
    entries.value = page.entries
    next.value = page.next
  }

  async function loadMore() {
    if (!next.value || loading.value) return
    const mine = generation
    loading.value = true
    const page = await attempt(() =>
      useApi().history.list({ ...filter.value, before: next.value, limit: PAGE }),
    )
    loading.value = false
    if (mine !== generation || !page) return
    entries.value = [...entries.value, ...page.entries]
    next.value = page.next
  }

  /** A new send: put on top at once, or, while a search narrows the list, searched again. */
  function onAdded(entry: HistorySummary) {
    if (!filtering.value) entries.value = [entry, ...entries.value]
    else void search()
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
    entries.value = entries.value.filter((e) => !gone.has(e.id))
    selected.value = new Set([...selected.value].filter((id) => !gone.has(id)))
    if (opened.value && gone.has(opened.value.id)) opened.value = null
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
  }
})

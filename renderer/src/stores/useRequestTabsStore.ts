import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  rowsFromUrl,
  rowsOfRequest,
  urlFromRows,
  type ParamRow,
} from '../../../shared/logic/paramRows'
import { emptyRequest, type RequestSpec } from '../../../shared/model/request'

/** One open request: the draft being edited and what it was when opened. */
export interface RequestTab {
  id: string
  spec: RequestSpec
  /** The Params table; the URL's query holds its enabled rows (see shared/logic/paramRows). */
  paramRows: ParamRow[]
  /** The spec as opened, serialised, to tell whether the draft has unsent changes. */
  baseline: string
}

let counter = 0
const newId = () => `tab-${Date.now().toString(36)}-${(counter++).toString(36)}`
const snapshot = (spec: RequestSpec) => JSON.stringify(spec)

/** What the spec keeps of the Params table: the URL holds enabled rows, so only disabled ones. */
const disabledParams = (rows: ParamRow[]) =>
  rows.filter((r) => !r.enabled).map(({ key, value, enabled }) => ({ key, value, enabled }))

/** The open request tabs, each keeping its unsent edits. */
export const useRequestTabsStore = defineStore('requestTabs', () => {
  const tabs = ref<RequestTab[]>([])
  const activeId = ref<string | null>(null)
  const active = computed(() => tabs.value.find((t) => t.id === activeId.value) ?? null)

  function open(spec: RequestSpec = emptyRequest()): RequestTab {
    const tab: RequestTab = {
      id: newId(),
      spec: JSON.parse(JSON.stringify(spec)) as RequestSpec,
      paramRows: rowsOfRequest(spec.url, spec.params),
      baseline: snapshot(spec),
    }
    tabs.value.push(tab)
    activeId.value = tab.id
    return tabs.value.at(-1)!
  }

  function close(id: string) {
    const index = tabs.value.findIndex((t) => t.id === id)
    if (index === -1) return
    tabs.value.splice(index, 1)
    if (activeId.value === id) {
      activeId.value = tabs.value[Math.min(index, tabs.value.length - 1)]?.id ?? null
    }
    if (tabs.value.length === 0) open()
  }

  function select(id: string) {
    if (tabs.value.some((t) => t.id === id)) activeId.value = id
  }

  function isDirty(tab: RequestTab): boolean {
    return snapshot(tab.spec) !== tab.baseline
  }

  /** Any edit other than the URL and params (method, headers, body, auth, settings). */
  function patchSpec(tab: RequestTab, patch: Partial<Omit<RequestSpec, 'url' | 'params'>>) {
    Object.assign(tab.spec, patch)
  }

  /** The user typed in the URL box: the Params table follows the query. */
  function setUrl(tab: RequestTab, url: string) {
    tab.spec.url = url
    tab.paramRows = rowsFromUrl(tab.paramRows, url)
    tab.spec.params = disabledParams(tab.paramRows)
  }

  /** The user edited the Params table: the URL's query follows it. */
  function setParamRows(tab: RequestTab, rows: ParamRow[]) {
    tab.paramRows = rows
    tab.spec.url = urlFromRows(tab.spec.url, rows)
    tab.spec.params = disabledParams(rows)
  }

  return {
    tabs,
    activeId,
    active,
    open,
    close,
    select,
    isDirty,
    patchSpec,
    setUrl,
    setParamRows,
  }
})

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  rowsFromUrl,
  rowsOfRequest,
  urlFromRows,
  type ParamRow,
} from '../../../shared/logic/paramRows'
import { emptyRequest, type RequestSpec } from '../../../shared/model/request'
import type { VariableRow } from '../../../shared/model/variables'
import { APP_STATE_SCHEMA_VERSION, type AppState } from '../../../shared/model/appState'
import type { SavedRequest } from '../../../shared/model/workspace'
import { plainCopy as plain } from './plainCopy'
import { BaselineCache, snapshotOf } from './draftBaseline'

/** One open request: the draft being edited and what it was when opened or last saved. */
export interface RequestTab {
  id: string
  spec: RequestSpec
  /** Request-local variables (the strongest scope). */
  variables: VariableRow[]
  /** The Params table; the URL's query holds its enabled rows (see shared/logic/paramRows). */
  paramRows: ParamRow[]
  /** Where the request is saved (which workspace folder, which file); null if never saved. */
  saved: { path: string; name: string; workspace: string } | null
  /** The draft as opened or last saved, serialised, to tell whether it has unsaved changes. */
  baseline: string
  /** Set when the file changed on disk while this tab had unsaved edits (they are kept). */
  changedOnDisk: boolean
}

let counter = 0
const newId = () => `tab-${Date.now().toString(36)}-${(counter++).toString(36)}`

/** What the spec keeps of the Params table: the URL holds enabled rows, so only disabled ones. */
const disabledParams = (rows: ParamRow[]) =>
  rows.filter((r) => !r.enabled).map(({ key, value, enabled }) => ({ key, value, enabled }))

/** Splits a saved request into the spec the editor works on and its local variables. */
export function specOf(request: SavedRequest): { spec: RequestSpec; variables: VariableRow[] } {
  const { schemaVersion: _v, name: _n, variables, ...spec } = request
  return { spec: plain(spec), variables: plain(variables) }
}

/** The open request tabs, each keeping its unsaved edits. */
export const useRequestTabsStore = defineStore('requestTabs', () => {
  const tabs = ref<RequestTab[]>([])
  const activeId = ref<string | null>(null)
  const active = computed(() => tabs.value.find((t) => t.id === activeId.value) ?? null)
  const baselines = new BaselineCache()

  function open(
    spec: RequestSpec = emptyRequest(),
    saved: RequestTab['saved'] = null,
    variables: VariableRow[] = [],
  ): RequestTab {
    const id = newId()
    const tab: RequestTab = {
      id,
      spec: plain(spec),
      variables: plain(variables),
      paramRows: rowsOfRequest(spec.url, spec.params),
      saved,
      baseline: baselines.take(id, spec, variables),
      changedOnDisk: false,
    }
    tabs.value.push(tab)
    activeId.value = tab.id
    return tabs.value.at(-1)!
  }

  /** Opens a saved request, or selects its tab when it is already open. */
  function openSaved(path: string, request: SavedRequest, workspace: string): RequestTab {
    const existing = tabs.value.find(
      (t) => t.saved?.path === path && t.saved.workspace === workspace,
    )
    if (existing) {
      activeId.value = existing.id
      return existing
    }
    const { spec, variables } = specOf(request)
    return open(spec, { path, name: request.name, workspace }, variables)
  }

  function close(id: string) {
    const index = tabs.value.findIndex((t) => t.id === id)
    if (index === -1) return
    tabs.value.splice(index, 1)
    baselines.forget(id)
    if (activeId.value === id) {
      activeId.value = tabs.value[Math.min(index, tabs.value.length - 1)]?.id ?? null
    }
    if (tabs.value.length === 0) open()
  }

  function select(id: string) {
    if (tabs.value.some((t) => t.id === id)) activeId.value = id
  }

  function isDirty(tab: RequestTab): boolean {
    return baselines.isDirty(tab.id, tab.baseline, tab.spec, tab.variables)
  }

  /** Any edit other than the URL and params (method, headers, body, auth, settings). */
  function patchSpec(tab: RequestTab, patch: Partial<Omit<RequestSpec, 'url' | 'params'>>) {
    Object.assign(tab.spec, patch)
  }

  function setVariables(tab: RequestTab, variables: VariableRow[]) {
    tab.variables = variables
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

  /** The request was written to `path` as `name`: the draft is now the saved state. */
  function markSaved(tab: RequestTab, path: string, name: string, workspace: string) {
    tab.saved = { path, name, workspace }
    tab.baseline = baselines.take(tab.id, tab.spec, tab.variables)
    tab.changedOnDisk = false
  }

  /**
   * The saved file changed (another program, or a rename): a tab without unsaved edits
   * takes the new content; one with edits keeps them and is flagged.
   */
  function syncFromDisk(tab: RequestTab, path: string, request: SavedRequest) {
    if (tab.saved) tab.saved = { ...tab.saved, path, name: request.name }
    const { spec, variables } = specOf(request)
    if (snapshotOf(spec, variables) === tab.baseline) return
    if (isDirty(tab)) tab.changedOnDisk = true
    else replaceWithDisk(tab, path, request)
  }

  /** The tab takes the saved request as it is on disk, dropping unsaved edits. */
  function replaceWithDisk(tab: RequestTab, path: string, request: SavedRequest) {
    const { spec, variables } = specOf(request)
    if (tab.saved) tab.saved = { ...tab.saved, path, name: request.name }
    tab.spec = spec
    tab.variables = variables
    tab.paramRows = rowsOfRequest(spec.url, spec.params)
    tab.baseline = baselines.take(tab.id, spec, variables)
    tab.changedOnDisk = false
  }

  /** The saved file is gone (deleted or moved elsewhere): the tab becomes an unsaved draft. */
  function forgetSaved(tab: RequestTab) {
    tab.saved = null
    tab.baseline = ''
  }

  /** The open tabs as the app keeps them across restarts. */
  function toState(): AppState {
    return {
      schemaVersion: APP_STATE_SCHEMA_VERSION,
      tabs: tabs.value.map((t) => ({
        spec: plain(t.spec),
        variables: plain(t.variables),
        saved: t.saved ? { ...t.saved } : null,
        baseline: t.baseline,
      })),
      active: Math.max(
        0,
        tabs.value.findIndex((t) => t.id === activeId.value),
      ),
    }
  }

  /** Reopens the tabs of a previous run, unsaved edits and all. */
  function restore(state: AppState) {
    for (const saved of state.tabs) {
      const tab = open(saved.spec, saved.saved, saved.variables)
      tab.baseline = saved.baseline
    }
    activeId.value = tabs.value[state.active]?.id ?? tabs.value.at(-1)?.id ?? null
  }

  return {
    tabs,
    activeId,
    toState,
    restore,
    active,
    open,
    openSaved,
    close,
    select,
    isDirty,
    patchSpec,
    setVariables,
    setUrl,
    setParamRows,
    markSaved,
    syncFromDisk,
    replaceWithDisk,
    forgetSaved,
  }
})

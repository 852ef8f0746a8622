import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RecentWorkspace } from '../../../shared/ipc'
import type { VariableRow } from '../../../shared/model/variables'
import type {
  Environment,
  InheritedDefaults,
  SavedRequest,
  WorkspaceSnapshot,
} from '../../../shared/model/workspace'
import { useApi } from '../api/currentApi'
import type { FirstScreenData } from '../api/firstScreen'
import { attemptInto } from './attempt'
import { useRequestTabsStore, type RequestTab } from './useRequestTabsStore'
import { findNode } from './workspaceTree'

/** The workspace's share of the first screen's calls. */
type FirstWorkspace = Pick<FirstScreenData, 'workspace' | 'globals' | 'recent'>

/** The open workspace: its tree, environments and globals, kept in sync with the files. */
export const useWorkspaceStore = defineStore('workspace', () => {
  const tabs = useRequestTabsStore()
  const snapshot = ref<WorkspaceSnapshot | null>(null)
  const globals = ref<VariableRow[]>([])
  /** Workspaces opened before, most recent first (the open one included). */
  const recent = ref<RecentWorkspace[]>([])
  /** The last failed operation, worded for the user; null when all went well. */
  const error = ref<string | null>(null)
  /** The last delete, which the user can undo. */
  const lastDeleted = ref<{ undoId: string; name: string } | null>(null)
  let unsubscribe: (() => void) | null = null

  const activeEnvironment = computed<Environment | null>(() => {
    const s = snapshot.value
    return s?.environments.find((e) => e.name === s.activeEnvironment) ?? null
  })

  const attempt = attemptInto(error)

  /**
   * Reads the open workspace, its globals and the recent list, all at once; or takes them
   * from the calls start-up already made (`first`, see firstScreen.ts).
   */
  async function load(first?: FirstWorkspace) {
    const api = useApi()
    unsubscribe ??= api.on('workspace:changed', (next) => void apply(next))
    const asked = first ?? {
      workspace: api.workspace.snapshot({}),
      globals: api.globals.get({}),
      recent: api.workspace.recent({}),
    }
    const recentList = attempt(() => asked.recent)
    const [loaded, vars] = await Promise.all([asked.workspace, asked.globals])
    globals.value = vars
    await apply(loaded, recentList)
  }

  /**
   * Takes a new snapshot and brings open tabs of saved requests in line with the files
   * (read all at once, applied in tab order). `recentList`: the recent workspaces when
   * already asked for.
   */
  async function apply(next: WorkspaceSnapshot, recentList?: Promise<RecentWorkspace[] | null>) {
    const switched = snapshot.value?.dir !== next.dir
    snapshot.value = next
    if (switched)
      recent.value =
        (await (recentList ?? attempt(() => useApi().workspace.recent({})))) ?? recent.value
    const kept: { tab: RequestTab; read: Promise<SavedRequest | null> }[] = []
    for (const tab of tabs.tabs) {
      if (!tab.saved) continue
      if (switched || !findNode(next.tree, tab.saved.path)) {
        tabs.forgetSaved(tab)
        continue
      }
      const path = tab.saved.path
      kept.push({ tab, read: attempt(() => useApi().workspace.readRequest({ path })) })
    }
    for (const { tab, read } of kept) {
      const request = await read
      if (request && tab.saved) tabs.syncFromDisk(tab, tab.saved.path, request)
    }
  }

  async function refresh() {
    await apply(await useApi().workspace.snapshot({}))
  }

  async function openRequest(path: string) {
    const request = await attempt(() => useApi().workspace.readRequest({ path }))
    if (request && snapshot.value) tabs.openSaved(path, request, snapshot.value.dir)
  }

  /** Saves a tab: in place when it is saved already, else as `name` in `folder`. */
  async function saveTab(tabId: string, target?: { name: string; folder: string }) {
    const tab = tabs.tabs.find((t) => t.id === tabId)
    const dir = snapshot.value?.dir
    if (!tab || !dir) return false
    // A tab saved in another workspace is new here: it needs a name and folder.
    const inPlace = tab.saved?.workspace === dir ? tab.saved : null
    const name = target?.name ?? inPlace?.name
    if (!name) return false
    const request: SavedRequest = {
      ...tab.spec,
      schemaVersion: 1,
      name,
      variables: tab.variables,
    }
    const result = await attempt(() =>
      useApi().workspace.saveRequest({
        path: target ? null : (inPlace?.path ?? null),
        folder: target?.folder ?? '',
        request,
      }),
    )
    if (!result) return false
    tabs.markSaved(tab, result.path, name, dir)
    await refresh()
    return true
  }

  /** Drops a tab's unsaved edits for what is on disk now. */
  async function reloadTab(tabId: string) {
    const tab = tabs.tabs.find((t) => t.id === tabId)
    const path = tab?.saved?.path
    if (!tab || !path) return
    const request = await attempt(() => useApi().workspace.readRequest({ path }))
    if (request) tabs.replaceWithDisk(tab, path, request)
  }

  async function createFolder(parent: string, name: string) {
    if (await attempt(() => useApi().workspace.createFolder({ parent, name }))) await refresh()
  }

  async function rename(path: string, name: string) {
    const result = await attempt(() => useApi().workspace.rename({ path, name }))
    if (!result) return
    for (const tab of tabs.tabs) {
      if (tab.saved?.workspace !== snapshot.value?.dir) continue
      if (tab.saved?.path === path) tab.saved = { ...tab.saved, path: result.path, name }
      else if (tab.saved?.path.startsWith(`${path}/`)) {
        tab.saved = { ...tab.saved, path: result.path + tab.saved.path.slice(path.length) }
      }
    }
    await refresh()
  }

  async function move(path: string, toFolder: string) {
    const result = await attempt(() => useApi().workspace.move({ path, toFolder }))
    if (!result) return
    for (const tab of tabs.tabs) {
      if (tab.saved?.workspace !== snapshot.value?.dir) continue
      if (tab.saved?.path === path) tab.saved = { ...tab.saved, path: result.path }
      else if (tab.saved?.path.startsWith(`${path}/`)) {
        tab.saved = { ...tab.saved, path: result.path + tab.saved.path.slice(path.length) }
      }
    }
    await refresh()
  }

  async function duplicate(path: string) {
    if (await attempt(() => useApi().workspace.duplicate({ path }))) await refresh()
  }

  async function remove(path: string) {
    const node = snapshot.value ? findNode(snapshot.value.tree, path) : null
    const result = await attempt(() => useApi().workspace.delete({ path }))
    if (!result) return
    lastDeleted.value = { undoId: result.undoId, name: node?.name ?? path }
    await refresh()
  }

  async function undoDelete() {
    const last = lastDeleted.value
    if (!last) return
    lastDeleted.value = null
    if (await attempt(() => useApi().workspace.undoDelete({ undoId: last.undoId }))) await refresh()
  }

  async function saveDefaults(folder: string, defaults: InheritedDefaults) {
    if (await attempt(() => useApi().workspace.saveDefaults({ folder, defaults }))) await refresh()
  }

  async function saveEnvironment(previousName: string | null, environment: Environment) {
    const saved = await attempt(() => useApi().env.save({ previousName, environment }))
    if (saved) await refresh()
    return saved
  }

  async function deleteEnvironment(name: string) {
    if (await attempt(() => useApi().env.delete({ name }))) await refresh()
  }

  async function setActiveEnvironment(name: string | null) {
    // Chosen at once, so a Send right after the choice already uses it; the Node side
    // follows, and the refresh puts back what it holds if it refused.
    if (snapshot.value) snapshot.value = { ...snapshot.value, activeEnvironment: name }
    await attempt(() => useApi().env.setActive({ name }))
    await attempt(refresh)
  }

  async function updateGlobals(variables: VariableRow[]) {
    const saved = await attempt(() => useApi().globals.update({ variables }))
    if (saved) globals.value = saved
  }

  async function openFolder(dir: string) {
    const opened = await attempt(() => useApi().workspace.open({ dir }))
    if (opened) await apply(opened)
  }

  async function createWorkspace(dir: string, name: string) {
    const created = await attempt(() => useApi().workspace.create({ dir, name }))
    if (created) await apply(created)
  }

  return {
    snapshot,
    globals,
    recent,
    error,
    lastDeleted,
    activeEnvironment,
    load,
    refresh,
    openRequest,
    saveTab,
    reloadTab,
    createFolder,
    rename,
    move,
    duplicate,
    remove,
    undoDelete,
    saveDefaults,
    saveEnvironment,
    deleteEnvironment,
    setActiveEnvironment,
    updateGlobals,
    openFolder,
    createWorkspace,
  }
})

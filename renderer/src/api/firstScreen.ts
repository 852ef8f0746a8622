import type { InjectionKey } from 'vue'
import type { AppInfo, CourierApi, RecentWorkspace } from '../../../shared/ipc/contract'
import type { AppState } from '../../../shared/model/appState'
import type { Settings } from '../../../shared/model/settings'
import type { VariableRow } from '../../../shared/model/variables'
import type { WorkspaceSnapshot } from '../../../shared/model/workspace'

/** The answers the first screen is drawn from, each still on its way. */
export interface FirstScreenData {
  settings: Promise<Settings>
  appInfo: Promise<AppInfo>
  state: Promise<AppState>
  workspace: Promise<WorkspaceSnapshot>
  globals: Promise<VariableRow[]>
  recent: Promise<RecentWorkspace[]>
}

/** How startApp hands the answers to App.vue. */
export const FIRST_SCREEN: InjectionKey<FirstScreenData> = Symbol('firstScreen')

/**
 * Asks for everything the first screen needs at once, as the connection starts opening
 * (main.ts; browser mode's worker sends them the moment its socket opens), instead of one
 * call after another once the app has mounted: the answers arrive while the app's code
 * loads, and the app mounts once both are in (main.ts). The stores still apply them in
 * their own order (App.vue); a failure surfaces there, where the store awaits it.
 */
export function requestFirstScreen(api: CourierApi): FirstScreenData {
  return {
    settings: awaitedLater(api.settings.get({})),
    appInfo: awaitedLater(api.app.info({})),
    state: awaitedLater(api.state.get({})),
    workspace: awaitedLater(api.workspace.snapshot({})),
    globals: awaitedLater(api.globals.get({})),
    recent: awaitedLater(api.workspace.recent({})),
  }
}

/** The promise itself; marked as handled, so a failure before its store awaits it is no unhandled rejection. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

/** Settles when every answer is in, failed or not (a failure surfaces where its store awaits it). */
export function firstScreenSettled(first: FirstScreenData): Promise<void> {
  return Promise.allSettled(Object.values(first)).then(() => undefined)
}

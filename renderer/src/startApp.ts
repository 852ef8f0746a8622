import { createPinia } from 'pinia'
import { createApp, type App as VueApp } from 'vue'
import App from './App.vue'
import type { CourierApi } from './api'
import { provideApi } from './api/currentApi'
import { FIRST_SCREEN, type FirstScreenData } from './api/firstScreen'
import { withPlainArgs } from './api/plainArgs'
import WorkbenchStartupError from './components/workbench/WorkbenchStartupError.vue'

let workbench: VueApp | null = null

/** Mounts the workbench on the api (its connection may still be opening), with the first screen's data on its way. */
export function startApp(api: CourierApi, first: FirstScreenData): void {
  provideApi(withPlainArgs(api))
  workbench = createApp(App).provide(FIRST_SCREEN, first).use(createPinia())
  workbench.mount('#app')
  performance.mark('courier:mounted')
}

/** Shows why Courier could not start (no token, the host gone) in place of the workbench. */
export function showStartupError(message: string): void {
  workbench?.unmount()
  workbench = null
  createApp(WorkbenchStartupError, { message }).mount('#app')
}

import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import type { CourierApi } from './api'
import { provideApi } from './api/currentApi'
import WorkbenchStartupError from './components/workbench/WorkbenchStartupError.vue'

/** Mounts the workbench on the connected api. */
export function startApp(api: CourierApi): void {
  provideApi(api)
  createApp(App).use(createPinia()).mount('#app')
  performance.mark('courier:mounted')
}

/** Shows why Courier could not start (no token, the host gone) in place of the workbench. */
export function showStartupError(message: string): void {
  createApp(WorkbenchStartupError, { message }).mount('#app')
}

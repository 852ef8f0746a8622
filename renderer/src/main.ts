import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { connectApi } from './api'
import { provideApi } from './api/currentApi'
import WorkbenchStartupError from './components/workbench/WorkbenchStartupError.vue'
import './styles/theme.css'
import './styles/controls.css'

connectApi()
  .then((api) => {
    provideApi(api)
    createApp(App).use(createPinia()).mount('#app')
  })
  .catch((error: Error) => {
    createApp(WorkbenchStartupError, { message: error.message }).mount('#app')
  })

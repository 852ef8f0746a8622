import { connectApi } from './api'
import { requestFirstScreen } from './api/firstScreen'
import './styles/theme.css'
import './styles/controls.css'

// The connection (browser mode: a worker and its WebSocket) opens first, and the app's
// code loads and runs meanwhile: each takes about as long as the other, so starting them
// together brings the workbench up sooner than one after the other.
// Marks for `npm run bench -- startup`, which reports each phase.
// Once connected, the first screen's data is asked for at once (see firstScreen.ts).
const api = connectApi().then((connected) => {
  performance.mark('courier:connected')
  return { connected, first: requestFirstScreen(connected) }
})
const app = import('./startApp').then((module) => {
  performance.mark('courier:app-loaded')
  return module
})

Promise.all([api, app])
  .then(([{ connected, first }, { startApp }]) => startApp(connected, first))
  .catch(async (error: Error) => {
    const { showStartupError } = await import('./startApp')
    showStartupError(error.message)
  })

import { connectApi } from './api'
import { requestFirstScreen } from './api/firstScreen'
import './styles/theme.css'
import './styles/controls.css'

// Two things happen at once from the first moment: the connection (browser mode: a worker
// and its WebSocket, which take about as long as the app's code to come up) and the app
// (startApp.ts, with Vue). This module and what it imports carry no Vue, so it runs as soon
// as it arrives and the connection starts without waiting for the app's code.
// The first screen's calls are made at once (see firstScreen.ts): the worker sends them
// when its socket opens. The app mounts once its code has loaded, without waiting for the
// connection; the stores apply the answers as they come (App.vue).
// Marks for `npm run bench -- startup`, which reports each phase.
let failed = false

function start(): Promise<unknown> {
  const { api, opened } = connectApi()
  const first = requestFirstScreen(api)
  // When the socket opened, not when this thread heard of it (often only after the mount).
  const connected = opened.then((at) => performance.mark('courier:connected', { startTime: at }))
  const mounted = import('./startApp').then(({ startApp }) => {
    performance.mark('courier:app-loaded')
    // The connection may have failed first: its message is shown instead.
    if (!failed) startApp(api, first)
  })
  return Promise.all([connected, mounted])
}

// No token, or no host: say so in place of the workbench (which is taken down if it is up).
Promise.resolve()
  .then(start)
  .catch(async (error: Error) => {
    failed = true
    const { showStartupError } = await import('./startApp')
    showStartupError(error.message)
  })

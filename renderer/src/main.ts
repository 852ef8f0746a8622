import { connectApi } from './api'
import { firstScreenSettled, requestFirstScreen } from './api/firstScreen'
import './styles/theme.css'
import './styles/controls.css'

// Two things happen at once from the first moment: the connection (browser mode: a worker
// and its WebSocket, which take about as long as the app's code to come up) and the app
// (startApp.ts, with Vue). This module and what it imports carry no Vue, so it runs as soon
// as it arrives and the connection starts without waiting for the app's code.
// The first screen's calls are made at once (see firstScreen.ts): the worker sends them
// when its socket opens. The app mounts once its code has loaded AND the first screen's
// answers are in (firstScreenSettled), so the workbench and its request editor are built
// in one task and drawn in one frame: mounting the bare workbench first cost a frame of
// its own (style, layout, paint of everything but the editor), during which the answers,
// already in the worker, waited for the page's thread, and then a second layout of it all.
// Marks for `npm run bench -- startup`, which reports each phase.
let failed = false

function start(): Promise<unknown> {
  const { api, opened } = connectApi()
  const first = requestFirstScreen(api)
  // When the socket opened, not when this thread heard of it.
  const connected = opened.then((at) => performance.mark('courier:connected', { startTime: at }))
  const loaded = import('./startApp').then((module) => {
    performance.mark('courier:app-loaded')
    return module
  })
  const answered = firstScreenSettled(first).then(() => performance.mark('courier:answered'))
  // A connection that fails rejects `opened`: then nothing mounts and its message is shown.
  const mounted = Promise.all([loaded, opened, answered]).then(([{ startApp }]) => {
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

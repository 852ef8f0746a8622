// The sandbox worker's entry, in plain JavaScript: a worker does not inherit the loader
// that runs the app's TypeScript (tsx, vitest), so it registers tsx itself, then loads
// the worker from source. The Electron build passes its bundled scriptWorker instead.
import { register } from 'tsx/esm/api'

register()
await import('./scriptWorker.ts')

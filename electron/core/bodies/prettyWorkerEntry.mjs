// The worker thread's entry, in plain JavaScript: a worker does not inherit the loader
// that runs the app's TypeScript (tsx, vitest), so it registers tsx itself, then loads
// the formatter from source. See prettyInWorker.ts.
import { register } from 'tsx/esm/api'

register()
await import('./prettyWorker.ts')

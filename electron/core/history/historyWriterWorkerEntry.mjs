// The writer thread's entry, in plain JavaScript: a worker does not inherit the loader
// that runs the app's TypeScript (tsx, vitest), so it registers tsx itself, then loads
// the writer from source. The Electron build and out/node pass their bundled copy.
import { register } from 'tsx/esm/api'

register()
await import('./historyWriterWorker.ts')

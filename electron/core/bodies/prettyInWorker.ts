import { Worker } from 'node:worker_threads'
import type { ByteSource } from './byteSource'
import type { LineDocument } from './lineDocument'
import { prettyPrintJson, type PrettyJsonResult } from './prettyJson'
import { refOf, sourceOf, type PrettyJob, type PrettyMessage } from './prettyJobMessages'
import { SpoolWriter } from './spoolWriter'

/** How the store gets a pretty view of a body. */
export interface PrettyRunner {
  (
    source: ByteSource,
    options: {
      dir: string
      memoryLimit: number
      decoder: (bytes: Buffer) => string
      onProgress?: (done: number) => void
    },
  ): Promise<PrettyJsonResult>
  /** True when the work runs on another thread, so it need not wait for a first screen. */
  readonly offThread: boolean
  /** Stops what the runner keeps (its worker). */
  close(): Promise<void>
}

/**
 * On the Node thread, in 512 KB slices so that thread keeps answering line requests
 * meanwhile. Used where no worker can be started (the Electron bundle, for now).
 */
export const prettyOnThisThread: PrettyRunner = Object.assign(
  (...[source, options]: Parameters<PrettyRunner>) =>
    prettyPrintJson(source, {
      out: new SpoolWriter(options.dir, options.memoryLimit),
      decoder: options.decoder,
      onProgress: options.onProgress,
      chunkBytes: 512 * 1024,
    }),
  { offThread: false, close: async () => {} },
)

type Settle = {
  resolve: (result: PrettyJsonResult) => void
  reject: (error: Error) => void
  onProgress?: (done: number) => void
  decoder: (bytes: Buffer) => string
  /** The same work on this thread, if the worker dies before answering. */
  fallback: () => Promise<PrettyJsonResult>
}

/**
 * In a worker thread running prettyWorker.ts from source through tsx (`npm run web`, the
 * bench and the tests, which run from source): formatting gets a core of its own. The
 * worker starts at once and stays (loading tsx and the formatter takes ~0.3 s, too long
 * to pay per body); idle, it does not keep the process alive. If it cannot start or dies,
 * `onFallback` hears why and its jobs run on this thread; the next job starts a new one.
 */
export function prettyInWorkerThread(
  onFallback: (reason: string) => void = (reason) =>
    console.warn(`Pretty-printing on the main thread: ${reason}`),
): PrettyRunner {
  const pending = new Map<number, Settle>()
  let nextId = 1
  let worker: Worker | null = null

  function answer(message: PrettyMessage) {
    const job = pending.get(message.id)
    if (!job) return
    if (message.type === 'progress') return job.onProgress?.(message.done)
    pending.delete(message.id)
    if (pending.size === 0) worker?.unref()
    if (message.type === 'failed') job.reject(new Error(message.message))
    else if (message.type === 'invalid') job.resolve({ ok: false, error: message.error })
    else {
      const doc: LineDocument = {
        text: sourceOf(message.text),
        lineCount: message.lineStarts.length - 1,
        lineStarts: message.lineStarts,
        foldEnds: message.foldEnds,
        parents: message.parents,
        decoder: job.decoder,
      }
      job.resolve({ ok: true, doc })
    }
  }

  function start(): Worker {
    const started = new Worker(new URL('./prettyWorkerEntry.mjs', import.meta.url))
    started.on('message', answer)
    const fail = (reason: string) => {
      if (worker === started) worker = null
      if (pending.size > 0) onFallback(reason)
      for (const [id, job] of pending) {
        pending.delete(id)
        job.fallback().then(job.resolve, job.reject)
      }
    }
    started.once('error', (error) => fail(error.message))
    started.once('exit', (code) => fail(`the worker stopped (exit code ${code})`))
    // Idle until a job comes. After the listeners: adding one refs the worker again.
    started.unref()
    return started
  }
  worker = start()

  const run = (...[source, options]: Parameters<PrettyRunner>) =>
    new Promise<PrettyJsonResult>((resolve, reject) => {
      const id = nextId++
      pending.set(id, {
        resolve,
        reject,
        onProgress: options.onProgress,
        decoder: options.decoder,
        fallback: () => prettyOnThisThread(source, options),
      })
      worker ??= start()
      // Busy, it keeps the process alive; idle (see `answer`), it does not.
      worker.ref()
      const job: PrettyJob = {
        id,
        source: refOf(source),
        dir: options.dir,
        memoryLimit: options.memoryLimit,
      }
      worker.postMessage(job)
    })
  async function close(): Promise<void> {
    const running = worker
    worker = null
    // Closing drops the work in hand rather than moving it to this thread.
    for (const job of pending.values()) job.reject(new Error('Pretty-printing was stopped.'))
    pending.clear()
    await running?.terminate()
  }
  return Object.assign(run, { offThread: true, close })
}

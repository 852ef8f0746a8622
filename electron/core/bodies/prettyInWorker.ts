import { Worker } from 'node:worker_threads'
import type { ByteSource } from './byteSource'
import {
  refOf,
  sourceOf,
  type PrettyJob,
  type PrettyMessage,
  type PrettyOutput,
} from './prettyJobMessages'
import { filterJson } from './jsonPathFilter'
import { prettyPrintJson, syntaxErrorOf, type PrettyJsonResult } from './prettyJson'
import { SpoolWriter } from './spoolWriter'

export interface PrettyOptions extends PrettyOutput {
  decoder: (bytes: Buffer) => string
  onProgress?: (done: number) => void
}

/** A pretty view built while its body arrives: see BodyStore.createWriter. */
export interface PrettyFeed {
  /** The next bytes of the body; the feed copies what it keeps. */
  write(chunk: Buffer): void
  /** The body is complete: the pretty view of `source`, which holds the bytes written. */
  end(
    source: ByteSource,
    options: Omit<PrettyOptions, keyof PrettyOutput>,
  ): Promise<PrettyJsonResult>
  /** The body will not be shown (the exchange failed, or it is too big): drop the work. */
  cancel(): void
}

/** A filter's result: how many values matched, and their JSON array. */
export type Filtered = Awaited<ReturnType<typeof filterJson>>

/** How the store gets a pretty view of a body. */
export interface PrettyRunner {
  (source: ByteSource, options: PrettyOptions): Promise<PrettyJsonResult>
  /** True when the work runs on another thread, so it need not wait for a first screen. */
  readonly offThread: boolean
  /** Starts a view fed as the body arrives; only where the work runs on another thread. */
  readonly feed?: (output: PrettyOutput) => PrettyFeed
  /** A JSONPath filter (see jsonPathFilter.ts) run on that other thread too. */
  readonly filter?: (
    source: ByteSource,
    expression: string,
    output: PrettyOutput,
  ) => Promise<Filtered>
  /** Stops what the runner keeps (its worker). */
  close(): Promise<void>
}

/**
 * On the Node thread, in 512 KB slices so that thread keeps answering line requests
 * meanwhile: the fallback when the worker cannot start, and the default of a store made
 * without one (the CLI's engine, tests).
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

/** A fed job posts its bytes in batches this big (one message each)... */
const BATCH_BYTES = 1024 * 1024
/**
 * ...while the worker is at most this far behind; past that the feed stops, and the
 * worker reads the rest from the finished body, so a slow worker never holds a body's
 * worth of queued messages.
 */
const MAX_BEHIND_BYTES = 32 * 1024 * 1024

const STOPPED = 'Pretty-printing was stopped.'

/** A job the worker has not answered yet. */
interface Job {
  output: PrettyOutput
  /** Input bytes the worker has formatted. */
  taken: number
  /** Set once the job can finish: its whole source, and where its answer goes. */
  settle?: PrettyOptions & {
    source: ByteSource
    resolve: (result: PrettyJsonResult) => void
    reject: (error: Error) => void
  }
  /** Why the worker went away before the job could finish, if it did. */
  lost?: string
}

export interface WorkerOptions {
  /**
   * The worker's script: by default prettyWorker.ts run from source through tsx (`npm run
   * web`, the bench and the tests); the Electron bundle passes its own bundled copy.
   */
  entry?: string | URL
  /** Hears why formatting moved to this thread (the worker could not start, or died). */
  onFallback?: (reason: string) => void
  /** How fed bytes are sent; tests make them small to see a feed fall behind. */
  limits?: { batchBytes: number; maxBehindBytes: number }
}

/**
 * In a worker thread: formatting gets a core of its own. The worker starts at once and
 * stays (loading it takes ~0.3 s from source, too long to pay per body); idle, it does
 * not keep the process alive. If it cannot start or dies, `onFallback` hears why and its
 * jobs run on this thread; the next job starts a new one.
 */
export function prettyInWorkerThread({
  entry = new URL('./prettyWorkerEntry.mjs', import.meta.url),
  onFallback = (reason) => console.warn(`Pretty-printing on the main thread: ${reason}`),
  limits = { batchBytes: BATCH_BYTES, maxBehindBytes: MAX_BEHIND_BYTES },
}: WorkerOptions = {}): PrettyRunner {
  const pending = new Map<number, Job>()
  /** Filters not answered yet, and how each is done on this thread if the worker dies. */
  const filters = new Map<
    number,
    { resolve: (r: Filtered) => void; reject: (e: Error) => void; here: () => Promise<Filtered> }
  >()
  const idle = () => pending.size === 0 && filters.size === 0
  let nextId = 1
  let closed = false
  let worker: Worker | null = null

  const onThisThread = (job: Job) => {
    const { source, resolve, reject, ...options } = job.settle!
    prettyOnThisThread(source, { ...options, ...job.output }).then(resolve, reject)
  }

  function answer(message: PrettyMessage) {
    const filtering = filters.get(message.id)
    if (filtering) {
      filters.delete(message.id)
      if (idle()) worker?.unref()
      if (message.type === 'filtered')
        filtering.resolve({ count: message.count, text: sourceOf(message.text) })
      else if (message.type === 'failed') filtering.reject(new Error(message.message))
      return
    }
    const job = pending.get(message.id)
    const settle = job?.settle
    if (message.type === 'progress') {
      if (job) job.taken = message.taken
      return settle?.onProgress?.(message.taken / settle.source.size)
    }
    if (!job) return
    pending.delete(message.id)
    if (idle()) worker?.unref()
    // A fed job that failed before it ended (its output could not be written): it is
    // done again on this thread when it ends.
    if (!settle) job.lost = message.type === 'failed' ? message.message : 'no answer'
    else if (message.type === 'failed') settle.reject(new Error(message.message))
    else if (message.type === 'invalid') {
      syntaxErrorOf(settle.source, message.failure).then(
        (error) => settle.resolve({ ok: false, error }),
        settle.reject,
      )
    } else if (message.type === 'done') {
      const { text, lineStarts, foldEnds, parents } = message
      const lineCount = lineStarts.length - 1
      const doc = { text: sourceOf(text), lineCount, lineStarts, foldEnds, parents }
      settle.onProgress?.(1)
      settle.resolve({ ok: true, doc: { ...doc, decoder: settle.decoder } })
    }
  }

  function start(): Worker {
    const started = new Worker(entry)
    started.on('message', answer)
    const fail = (reason: string) => {
      if (worker === started) worker = null
      if (!idle()) onFallback(reason)
      for (const [id, job] of pending) {
        pending.delete(id)
        // A fed job not ended yet falls back when it ends.
        if (job.settle) onThisThread(job)
        else job.lost = reason
      }
      for (const [id, { resolve, reject, here }] of filters) {
        filters.delete(id)
        here().then(resolve, reject)
      }
    }
    started.once('error', (error) => fail(error.message))
    started.once('exit', (code) => fail(`the worker stopped (exit code ${code})`))
    // Idle until a job comes. After the listeners: adding one refs the worker again.
    started.unref()
    return started
  }
  worker = start()

  /** Registers a job and sends its first message. */
  function begin(job: Job, message: PrettyJob): void {
    pending.set(message.id, job)
    post(message)
  }

  /** A busy worker keeps the process alive; idle (see `answer`), it does not. */
  function post(message: PrettyJob): void {
    worker ??= start()
    worker.ref()
    worker.postMessage(message)
  }

  const filter = (source: ByteSource, expression: string, output: PrettyOutput) =>
    new Promise<Filtered>((resolve, reject) => {
      const id = nextId++
      const here = () =>
        filterJson(source, expression, new SpoolWriter(output.dir, output.memoryLimit))
      filters.set(id, { resolve, reject, here })
      post({ id, type: 'filter', source: refOf(source), expression, ...output })
    })

  const run = (...[source, options]: Parameters<PrettyRunner>) =>
    new Promise<PrettyJsonResult>((resolve, reject) => {
      const { dir, memoryLimit } = options
      const job = { output: { dir, memoryLimit }, taken: 0 }
      const settle = { ...options, source, resolve, reject }
      begin(
        { ...job, settle },
        { id: nextId++, type: 'source', source: refOf(source), ...job.output },
      )
    })

  function feed(output: PrettyOutput): PrettyFeed {
    const id = nextId++
    const job: Job = { output, taken: 0 }
    let held: Buffer[] = []
    let heldBytes = 0
    let posted = 0
    let opened = false
    let behind = false
    let [cancelled, ended] = [false, false]
    // One message per batch, its bytes copied into a buffer of its own and transferred.
    const send = () => {
      if (heldBytes === 0) return
      const bytes = new Uint8Array(heldBytes)
      let at = 0
      for (const chunk of held) at += (bytes.set(chunk, at), chunk.length)
      ;[held, heldBytes, posted] = [[], 0, posted + bytes.length]
      if (!opened) begin(job, { id, type: 'open', ...output })
      opened = true
      worker?.postMessage({ id, type: 'chunk', bytes } satisfies PrettyJob, [bytes.buffer])
    }
    return {
      write(chunk) {
        if (behind || cancelled || job.lost) return
        held.push(chunk)
        heldBytes += chunk.length
        if (heldBytes < limits.batchBytes) return
        if (posted - job.taken <= limits.maxBehindBytes) return send()
        behind = true
        ;[held, heldBytes] = [[], 0]
      },
      end(source, options) {
        ended = true
        if (closed) return Promise.reject(new Error(STOPPED))
        // Nothing sent yet (a small body): an ordinary job.
        if (!opened || cancelled) return run(source, { ...options, ...output })
        return new Promise((resolve, reject) => {
          job.settle = { ...options, ...output, source, resolve, reject }
          if (job.lost) return onThisThread(job)
          if (!behind) send()
          const rest = behind ? { source: refOf(source), from: posted } : null
          worker?.postMessage({ id, type: 'end', rest } satisfies PrettyJob)
        })
      },
      cancel() {
        // Once ended, the view is on its way: whoever asked for it disposes of it.
        if (ended) return
        cancelled = true
        ;[held, heldBytes] = [[], 0]
        if (!pending.delete(id)) return
        worker?.postMessage({ id, type: 'cancel' } satisfies PrettyJob)
        if (idle()) worker?.unref()
      },
    }
  }

  async function close(): Promise<void> {
    const running = worker
    worker = null
    closed = true
    // Closing drops the work in hand rather than moving it to this thread.
    for (const job of pending.values()) job.settle?.reject(new Error(STOPPED))
    for (const { reject } of filters.values()) reject(new Error(STOPPED))
    pending.clear()
    filters.clear()
    await running?.terminate()
  }
  return Object.assign(run, { offThread: true, feed, filter, close })
}

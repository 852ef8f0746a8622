import { Worker } from 'node:worker_threads'
import type { HistorySummary } from '../../../shared/model/history'
import { slicesOf, takeOutBigStrings } from './bigStrings'
import type { AppendInput } from './entryRecord'
import type { EncodeSettings } from './entryWriter'
import type { FromHistoryWriter, HistoryWriterData, ToHistoryWriter } from './historyWriterMessages'

export interface HistoryWriterOptions {
  /** The history.db to append to, created and migrated already. */
  file: string
  /**
   * The thread's script: by default historyWriterWorker.ts run from source through tsx
   * (`npm run web`, the bench and the tests); the Electron bundle and out/node pass their
   * bundled copy.
   */
  entry?: string | URL
}

interface Pending {
  resolve: (summary: HistorySummary) => void
  reject: (error: Error) => void
}

/**
 * Appends sends to the history on a worker thread (historyWriterWorker.ts). The thread
 * starts with the first append and, idle, does not keep the process alive. Appends are
 * written in the order given; each resolves once committed, or rejects with SQLite's
 * message and code. If the thread dies, the appends it held reject and the next append
 * starts a new one. close() waits for every append given before it.
 */
export class HistoryWriter {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private closing: Promise<void> | null = null
  /** Posting in turn: an append's slices all go before the next append. */
  private posting: Promise<void> = Promise.resolve()

  constructor(private readonly options: HistoryWriterOptions) {}

  append(input: AppendInput, settings: EncodeSettings): Promise<HistorySummary> {
    if (this.closing) {
      return Promise.reject(new Error('History is closing, so this send was not kept.'))
    }
    const id = this.nextId++
    const answered = new Promise<HistorySummary>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
    })
    this.posting = this.posting.then(() => this.send(id, input, settings))
    return answered
  }

  /**
   * Posts one append: its long strings (a body of megabytes) in slices, one per turn of
   * the event loop, so this thread never spends more than a slice's copy at a time.
   */
  private async send(id: number, input: AppendInput, settings: EncodeSettings): Promise<void> {
    if (!this.pending.has(id)) return
    const worker = this.worker ?? this.start()
    worker.ref()
    const { skeleton, taken } = takeOutBigStrings(input)
    const paths = taken.map((t) => t.path)
    this.post(worker, { type: 'append', id, input: skeleton, settings, taken: paths })
    if (taken.length === 0) return
    for (const [index, { text }] of taken.entries()) {
      for (const slice of slicesOf(text)) {
        await new Promise((resolve) => setImmediate(resolve))
        // The thread died meanwhile: the append was rejected with it (see lose()).
        if (this.worker !== worker) return
        this.post(worker, { type: 'slice', id, index, text: slice })
      }
    }
    this.post(worker, { type: 'end', id })
  }

  /** Waits for the appends given so far to be written, then stops the thread. */
  close(): Promise<void> {
    this.closing ??= this.stop()
    return this.closing
  }

  private async stop(): Promise<void> {
    await this.posting
    const worker = this.worker
    if (!worker) return
    worker.ref()
    await new Promise<void>((resolve) => {
      worker.on('message', (message: FromHistoryWriter) => {
        if (message.type === 'closed') resolve()
      })
      // A thread that died has answered its appends already (see lose()).
      worker.once('exit', () => resolve())
      this.post(worker, { type: 'close' })
    })
    this.worker = null
    await worker.terminate()
  }

  private start(): Worker {
    const workerData: HistoryWriterData = { file: this.options.file }
    const entry = this.options.entry ?? new URL('./historyWriterWorkerEntry.mjs', import.meta.url)
    const started = new Worker(entry, { workerData })
    started.on('message', (message: FromHistoryWriter) => this.answer(message))
    started.once('error', (error) => this.lose(started, error.message))
    started.once('exit', (code) => this.lose(started, `it stopped (exit code ${code})`))
    this.worker = started
    return started
  }

  private answer(message: FromHistoryWriter): void {
    if (message.type === 'closed') return
    const pending = this.pending.get(message.id)
    if (!pending) return
    this.pending.delete(message.id)
    if (this.pending.size === 0) this.worker?.unref()
    if (message.type === 'appended') pending.resolve(message.summary)
    else pending.reject(Object.assign(new Error(message.message), { code: message.code }))
  }

  /** The thread is gone: what it held was not acknowledged, so it is reported as not kept. */
  private lose(which: Worker, reason: string): void {
    if (this.worker !== which) return
    this.worker = null
    const error = new Error(`the history writer thread failed: ${reason}`)
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }

  private post(worker: Worker, message: ToHistoryWriter): void {
    worker.postMessage(message)
  }
}

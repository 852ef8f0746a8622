import type { BodyJob, ResultOf } from '../workers/textJobs'
import { parcelReceiver, postInPieces, type Parcel } from '../workers/textParcels'

/** A job in progress: its result and a way to stop it. */
export interface BackgroundJob<T> {
  readonly result: Promise<T>
  /** Stops the work; `result` then never settles. */
  cancel(): void
}

/**
 * The job on this thread. textJobs.ts is loaded only then: it brings jsonc-parser, which
 * would otherwise be in the app's first chunk for a fallback Chromium never takes.
 */
async function runBodyJob<J extends BodyJob>(job: J): Promise<ResultOf<J>> {
  const { runBodyJob: run } = await import('../workers/textJobs')
  return run(job)
}

function inline<J extends BodyJob>(job: J): BackgroundJob<ResultOf<J>> {
  let cancelled = false
  const result = new Promise<ResultOf<J>>((resolve) => {
    void runBodyJob(job).then((value) => {
      if (!cancelled) resolve(value)
    })
  })
  return { result, cancel: () => void (cancelled = true) }
}

/**
 * Runs a job (read a file, check or format JSON, hash) in a Web Worker of its own, so a
 * 50 MB body does not freeze the UI; cancelling terminates the worker. Big texts go both
 * ways in pieces (see textParcels.ts). Where there is no Worker (happy-dom tests) or it
 * cannot start, the job runs on this thread.
 */
export function inBackground<J extends BodyJob>(job: J): BackgroundJob<ResultOf<J>> {
  if (typeof Worker === 'undefined') return inline(job)
  let worker: Worker
  try {
    worker = new Worker(new URL('../workers/textJobs.worker.ts', import.meta.url), {
      type: 'module',
    })
  } catch {
    return inline(job)
  }
  let cancelled = false
  const result = new Promise<ResultOf<J>>((resolve) => {
    const receive = parcelReceiver<ResultOf<J>>((value) => {
      worker.terminate()
      resolve(value)
    })
    worker.onmessage = (event: MessageEvent<Parcel>) => receive(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      if (!cancelled) void runBodyJob(job).then(resolve)
    }
  })
  void postInPieces(
    (parcel) => worker.postMessage(parcel),
    job,
    () => cancelled,
  )
  return {
    result,
    cancel() {
      cancelled = true
      worker.terminate()
    },
  }
}

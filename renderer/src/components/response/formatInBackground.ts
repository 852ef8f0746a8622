import { formatJson } from '../../../../shared/logic/json'

/** A formatting in progress: its result (null when the text is not JSON) and a way to stop it. */
export interface FormatJob {
  readonly result: Promise<string | null>
  /** Stops the work; `result` then never settles. */
  cancel(): void
}

function formatNow(text: string): FormatJob {
  return { result: Promise.resolve(formatJson(text)), cancel: () => {} }
}

/**
 * Formats a JSON text in a Web Worker so a big body does not freeze the UI. Where there is
 * no Worker (tests under happy-dom) or the worker cannot start, it formats on this thread.
 */
export function formatInBackground(text: string): FormatJob {
  if (typeof Worker === 'undefined') return formatNow(text)
  let worker: Worker
  try {
    worker = new Worker(new URL('../../workers/formatJson.worker.ts', import.meta.url), {
      type: 'module',
    })
  } catch {
    return formatNow(text)
  }
  let cancelled = false
  const result = new Promise<string | null>((resolve) => {
    worker.onmessage = (event: MessageEvent<string | null>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      if (!cancelled) resolve(formatJson(text))
    }
  })
  worker.postMessage(text)
  return {
    result,
    cancel() {
      cancelled = true
      worker.terminate()
    },
  }
}

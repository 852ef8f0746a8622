/**
 * Messages between the runner (host thread) and the sandbox worker. Run inputs and results
 * travel as JSON text: only JSON-shaped data crosses, and JSON.parse keeps every key (a
 * variable named `__proto__` included) as an own property.
 */
import type { ScriptLimits, TypedValues } from './scriptTypes'

/** What the worker needs for one run: the checked input, with every limit resolved. */
export interface WorkerRunInput {
  event: 'prerequest' | 'test'
  scripts: { name: string; source: string; item?: string }[]
  request: {
    name: string
    url: string
    method: string
    headers: [string, string][]
    body: string | null
  }
  response?: {
    code: number
    status: string
    headers: [string, string][]
    body: string
    responseTime: number
    size: number
  }
  /** Each scope's values as text, and those that are not text with their type (`typed`). */
  variables: Record<string, Record<string, string>> & { typed?: TypedValues }
  info: {
    requestName: string
    iteration: number
    iterationCount: number
    environmentName?: string
    location?: string[]
    eventName: 'prerequest' | 'test'
    requestId: string
  }
  limits: ScriptLimits
  /** Run the scripts after one that failed (a collection run, as newman). */
  continueOnError?: boolean
}

/** The outcome of one pm.sendRequest call, as the host answers it. */
export type SendOutcome =
  { ok: true; response: unknown } | { ok: false; error: { message: string; code?: string } }

export type ToWorker =
  /** Start a run; `input` is a WorkerRunInput as JSON. */
  | { type: 'run'; id: number; input: string }
  /** The answer to a `send`. */
  | { type: 'sent'; id: number; call: number; outcome: SendOutcome }
  /** Stop a run now (the host's own deadline passed): answer `done` with what there is. */
  | { type: 'cancel'; id: number }

export type FromWorker =
  /** A script called pm.sendRequest; `request` is checked by the host. */
  | { type: 'send'; id: number; call: number; request: unknown }
  /** The script no longer waits for that call (it ended or timed out). */
  | { type: 'abandon'; id: number; call: number }
  /** The run is over; `result` is a ScriptRunResult as JSON, checked by the host. */
  | { type: 'done'; id: number; result: string }

/**
 * The script sandbox's contract with the code that runs it: what goes in, what comes out,
 * what a script's `pm.sendRequest` asks the host for, and the limits. The run input and
 * output are those of the send's ScriptPort (core/checks/scriptPort.ts), with more detail
 * on the way out (`changes`). Only JSON-shaped data crosses, in both directions.
 */
import type {
  ScriptResponse,
  ScriptRunInput,
  ScriptRunOutput,
  ScriptVariables,
} from '../checks/scriptPort'
import type { CookieHooks } from '../http/redirects'

export type {
  ScriptRequest,
  ScriptResponse,
  ScriptRunInput,
  ScriptRunOutput,
  ScriptSource,
  ScriptVariables,
  TypedValues,
} from '../checks/scriptPort'

/** One of the variable scopes a script reads and writes. */
export type VariableScope = Exclude<keyof ScriptVariables, 'typed'>

export const VARIABLE_SCOPES: readonly VariableScope[] = [
  'local',
  'iterationData',
  'environment',
  'collection',
  'globals',
]

/** One write by a script, in the order made; the value as it is kept (see ScriptRunResult). */
export type VariableChange =
  { op: 'set'; key: string; value: string } | { op: 'unset'; key: string }

/**
 * What scripts can use, per script (each script of a run has its own budget).
 * The defaults are DEFAULT_SCRIPT_LIMITS.
 */
export interface ScriptLimits {
  /** Heap a script may use, bytes (the sandbox's WebAssembly memory is capped a little above). */
  memoryBytes: number
  /** Time a script may spend running JavaScript, ms; waiting for pm.sendRequest or setTimeout does not count. */
  cpuMs: number
  /** Wall-clock time a script may take, waiting for pm.sendRequest and timers included, ms. */
  timeMs: number
  /** The interpreter's stack, bytes: bounds recursion (about 3,000 calls deep at 512 KB). */
  stackBytes: number
}

export const DEFAULT_SCRIPT_LIMITS: Readonly<ScriptLimits> = {
  memoryBytes: 64 * 1024 * 1024,
  cpuMs: 5_000,
  timeMs: 60_000,
  stackBytes: 512 * 1024,
}

/** A run as the runner takes it: ScriptRunInput, with every limit settable. */
export interface ScriptRunnerInput extends Omit<ScriptRunInput, 'limits'> {
  limits?: Partial<ScriptLimits>
}

/**
 * A run's result. Variable values come out as strings, as workspaces keep them: a string
 * as it is, `undefined` as '', anything else (numbers, booleans, null, objects) as its JSON
 * text. Within one run (from one script to the next) values keep the type they were set
 * with, as in Postman.
 */
export interface ScriptRunResult extends ScriptRunOutput {
  /** Per scope, every set and unset in order, so a caller can persist exactly the edits. */
  changes: Record<VariableScope, VariableChange[]>
}

/** A body of a request made by `pm.sendRequest`, normalised from Postman's forms. */
export type ScriptHttpBody =
  | { mode: 'raw'; raw: string }
  | { mode: 'urlencoded'; fields: [string, string][] }
  | { mode: 'formdata'; fields: [string, string][] }

/** A request made by `pm.sendRequest`. Variables are not resolved, as in Postman. */
export interface ScriptHttpRequest {
  url: string
  /** Upper case. */
  method: string
  headers: [string, string][]
  body: ScriptHttpBody | null
}

/** The response a script sees from `pm.sendRequest` (the same shape as pm.response's). */
export type ScriptHttpResponse = ScriptResponse

/**
 * Sends a script's request. Rejects with an Error (a `code` property, e.g. REFUSED, is
 * passed on to the script as `err.code`) when there is no response; the signal aborts when
 * the script ends or times out first.
 */
export type ScriptSendRequest = (
  request: ScriptHttpRequest,
  options: {
    signal: AbortSignal
    /** The jar of the send or run the script belongs to: newman's pm.sendRequest shares it. */
    cookies?: CookieHooks | null
  },
) => Promise<ScriptHttpResponse>

/**
 * The shapes of what crosses into and out of the sandbox, checked on the host side: a
 * caller's run input, a script's pm.sendRequest request, a worker's result. A bad value is
 * refused with a message naming the field.
 */
import {
  array,
  boolean,
  integer,
  isRecord,
  jsonRecord,
  nullable,
  number,
  object,
  oneOf,
  optional,
  pairs,
  ShapeError,
  string,
  stringRecord,
  type Check,
} from './jsonShape'
import {
  VARIABLE_SCOPES,
  type ScriptHttpBody,
  type ScriptHttpRequest,
  type ScriptHttpResponse,
  type ScriptLimits,
  type ScriptRequest,
  type ScriptRunnerInput,
  type ScriptRunResult,
  type ScriptVariables,
  type TypedValues,
  type VariableChange,
  type VariableScope,
} from './scriptTypes'

/** Bounds on what a run may carry, so a runaway caller or script cannot flood the host. */
export const MAX_SCRIPTS = 100
/** Collection, folders and request: folders nest at most this deep in a location. */
const MAX_LOCATION = 100
export const MAX_TESTS = 10_000

const scriptRequest: Check<ScriptRequest> = object({
  name: string,
  url: string,
  method: string,
  headers: pairs,
  body: nullable(string),
  language: optional(string),
  form: optional(pairs),
  auth: optional(nullable(object({ type: string, params: pairs }))),
})

const typed: Check<TypedValues> = object({
  local: optional(jsonRecord),
  iterationData: optional(jsonRecord),
  environment: optional(jsonRecord),
  collection: optional(jsonRecord),
  globals: optional(jsonRecord),
})

const variables: Check<ScriptVariables> = object({
  local: stringRecord,
  iterationData: stringRecord,
  environment: stringRecord,
  collection: stringRecord,
  globals: stringRecord,
  typed: optional(typed),
})

export const response: Check<ScriptHttpResponse> = object({
  code: integer(0, 999),
  status: string,
  headers: pairs,
  body: string,
  responseTime: number(0),
  size: number(0),
})

const limits: Check<Partial<ScriptLimits>> = object({
  memoryBytes: optional(integer(1024 * 1024, 2 * 1024 ** 3)),
  cpuMs: optional(integer(1, 24 * 3600_000)),
  timeMs: optional(integer(1, 24 * 3600_000)),
  stackBytes: optional(integer(64 * 1024, 64 * 1024 * 1024)),
})

const event = oneOf('prerequest', 'test')

const runInput: Check<ScriptRunnerInput> = object({
  event,
  scripts: array(object({ name: string, source: string, item: optional(string) }), MAX_SCRIPTS),
  request: scriptRequest,
  response: optional(response),
  variables,
  info: object({
    requestName: string,
    iteration: integer(0),
    eventName: event,
    requestId: optional(string),
    iterationCount: optional(integer(1)),
    environmentName: optional(string),
    location: optional(array(string, MAX_LOCATION)),
  }),
  limits: optional(limits),
  continueOnError: optional(boolean),
})

/** The caller's input, checked; throws a ShapeError naming the first bad field. */
export function checkRunInput(value: unknown): ScriptRunnerInput {
  return checkRunBounds(runInput(value, 'input'))
}

/**
 * What a run's input must hold even from a caller trusted with its shape: limits in range
 * (a NaN or negative one would lift a guard), a bounded number of scripts, and the event
 * named alike twice. Throws a ShapeError naming the field.
 */
export function checkRunBounds(input: ScriptRunnerInput): ScriptRunnerInput {
  if (input.limits !== undefined) limits(input.limits, 'input.limits')
  if (input.scripts.length > MAX_SCRIPTS) {
    throw new ShapeError(`input.scripts must be a list of at most ${MAX_SCRIPTS} items`)
  }
  if (input.info.eventName !== input.event) {
    throw new ShapeError(`input.info.eventName must match input.event ("${input.event}")`)
  }
  return input
}

const body: Check<ScriptHttpBody> = (v, path) => {
  const mode = oneOf('raw', 'urlencoded', 'formdata')(isRecord(v) ? v.mode : v, `${path}.mode`)
  return mode === 'raw'
    ? object({ mode: oneOf('raw'), raw: string })(v, path)
    : object({ mode: oneOf(mode), fields: pairs })(v, path)
}

/** A script's pm.sendRequest request, as the worker relays it. */
export const httpRequest: Check<ScriptHttpRequest> = object({
  url: string,
  method: string,
  headers: pairs,
  body: nullable(body),
})

const test = object({
  name: string,
  passed: boolean,
  error: optional(string),
  skipped: optional(boolean),
})

const change: Check<VariableChange> = (v, path) => {
  const op = oneOf('set', 'unset')(isRecord(v) ? v.op : v, `${path}.op`)
  return op === 'set'
    ? object({ op: oneOf('set'), key: string, value: string })(v, path)
    : object({ op: oneOf('unset'), key: string })(v, path)
}

const changes: Check<Record<VariableScope, VariableChange[]>> = (v, path) => {
  if (!isRecord(v)) throw new ShapeError(`${path} must be an object`)
  const scopes = VARIABLE_SCOPES.map((s) => [s, array(change)(v[s], `${path}.${s}`)])
  return Object.fromEntries(scopes) as Record<VariableScope, VariableChange[]>
}

const scriptError = object({
  script: string,
  message: string,
  line: optional(integer(1)),
  column: optional(integer(1)),
  limit: optional(oneOf('memory', 'cpu', 'time')),
})

const runResult: Check<ScriptRunResult> = object({
  tests: array(test, MAX_TESTS),
  console: array(object({ level: oneOf('log', 'info', 'warn', 'error'), text: string })),
  request: scriptRequest,
  variables,
  changes,
  nextRequest: optional(nullable(string)),
  skipRequest: boolean,
  error: optional(scriptError),
  errors: optional(array(scriptError, MAX_SCRIPTS)),
  sentRequests: optional(object({ total: integer(0), failed: integer(0) })),
})

/** A worker's result, checked before a caller sees it. */
export function checkRunResult(value: unknown): ScriptRunResult {
  return runResult(value, 'result')
}

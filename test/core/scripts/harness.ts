import { afterAll } from 'vitest'
import type { InstancePool } from '../../../electron/core/scripts/instancePool'
import { RunChannel } from '../../../electron/core/scripts/runChannel'
import { runScripts } from '../../../electron/core/scripts/runScripts'
import {
  createScriptRunner,
  type ScriptRunnerOptions,
} from '../../../electron/core/scripts/scriptRunner'
import type {
  ScriptResponse,
  ScriptRunnerInput,
  ScriptRunResult,
  ScriptVariables,
} from '../../../electron/core/scripts/scriptTypes'
import { DEFAULT_SCRIPT_LIMITS } from '../../../electron/core/scripts/scriptTypes'
import { workerRunInput } from '../../../electron/core/scripts/workerRunInput'

/** A runner for one test file, closed after it. */
export function fileRunner(options: ScriptRunnerOptions = {}) {
  const runner = createScriptRunner(options)
  afterAll(() => runner.close())
  return runner
}

export const JSON_RESPONSE: ScriptResponse = {
  code: 200,
  status: 'OK',
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Set-Cookie', 'session=abc123; Path=/; HttpOnly'],
    ['X-Trace', 'one'],
    ['X-Trace', 'two'],
  ],
  body: JSON.stringify({
    value: 100,
    token: 'tok-1',
    user: { id: 7, name: 'Jane' },
    items: [1, 2, 3],
  }),
  responseTime: 42,
  size: 88,
}

const NO_VARIABLES: ScriptVariables = {
  local: {},
  iterationData: {},
  environment: {},
  collection: {},
  globals: {},
}

export interface RunOptions {
  event?: 'prerequest' | 'test'
  response?: ScriptResponse
  variables?: Partial<ScriptVariables>
  request?: Partial<ScriptRunnerInput['request']>
  limits?: ScriptRunnerInput['limits']
  info?: Partial<ScriptRunnerInput['info']>
}

/** The input of a run of `sources` (one script each, named "script 1", ...). */
export function inputOf(sources: string[], options: RunOptions = {}): ScriptRunnerInput {
  const event = options.event ?? 'test'
  return {
    event,
    scripts: sources.map((source, i) => ({ name: `script ${i + 1}`, source })),
    request: {
      name: 'Get user',
      url: 'https://api.example.com/users/7?expand=roles',
      method: 'GET',
      headers: [['Accept', 'application/json']],
      body: null,
      ...options.request,
    },
    ...(event === 'test' && { response: options.response ?? JSON_RESPONSE }),
    variables: { ...NO_VARIABLES, ...options.variables },
    info: { requestName: 'Get user', iteration: 0, eventName: event, ...options.info },
    ...(options.limits && { limits: options.limits }),
  }
}

type Runner = ReturnType<typeof createScriptRunner>

/** Runs one script (or several, in order) and gives the result. */
export function run(
  runner: Runner,
  source: string | string[],
  options: RunOptions = {},
): Promise<ScriptRunResult> {
  return runner.run(inputOf(Array.isArray(source) ? source : [source], options))
}

/** The console lines' text. */
export const logged = (result: ScriptRunResult) => result.console.map((l) => l.text)

/** Runs `source` as a test script on `pool`'s instances, as the in-thread runner does. */
export function runOn(pool: InstancePool, source: string): Promise<ScriptRunResult> {
  const channel = new RunChannel(
    () => {},
    () => {},
  )
  return runScripts(workerRunInput(inputOf([source]), DEFAULT_SCRIPT_LIMITS), channel, pool)
}

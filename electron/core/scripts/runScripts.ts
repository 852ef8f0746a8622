/**
 * A run in the worker: the scripts of one event, in order, each in a fresh runtime and
 * context, sharing one RunState (so variables set by the workspace's script are there
 * for the folder's and the request's). A script that skips the request ends the run; one
 * that fails ends it too, unless the run continues on errors (a collection run), where
 * the scripts after it run and every failure is listed.
 */
import { randomFillSync } from 'node:crypto'
import { namesChai } from './chaiHint'
import { librariesNamed } from './libraryHint'
import type { RunChannel } from './runChannel'
import { RunState } from './runState'
import { loadDynamicValuesFor } from './scriptDynamicValues'
import type { InstancePool } from './instancePool'
import { ScriptExecution } from './sandboxScript'
import type { WorkerRunInput } from './scriptMessages'
import type { ScriptRunResult } from './scriptTypes'

/** Random words for Math.random's seeds, drawn from the OS in batches (a draw per script is slow). */
const entropy = new Uint32Array(1024)
let drawn = entropy.length

function seed(): number[] {
  if (drawn + 4 > entropy.length) [drawn] = [0, randomFillSync(entropy)]
  drawn += 4
  return [...entropy.subarray(drawn - 4, drawn)]
}

/**
 * What the kernel is given for one script: the run's data as the earlier scripts left it,
 * in parts after a \x01 each (which JSON text never holds raw): the event, Math.random's
 * seed, then JSON texts of the run's data (pm.info, the location), the response without
 * its body (see responseHead), the request and the variables. The kernel parses each JSON
 * text when a script first reads it: most test scripts read the response only.
 */
function kernelInput(
  input: WorkerRunInput,
  script: WorkerRunInput['scripts'][number],
  state: RunState,
  responseJson: string,
): string {
  const current = JSON.stringify(script.item ?? input.info.requestName)
  return [
    input.event,
    seed().join(','),
    `{"info":${JSON.stringify(input.info)},"current":${current}}`,
    responseJson,
    JSON.stringify(state.request),
    state.variablesJson(),
  ].join('\x01')
}

/**
 * The response without its body: the body is handed to the kernel as a string of its own,
 * so it is neither escaped into JSON here nor parsed back out of it in QuickJS, once per
 * script (for a body of some kilobytes, the largest part of starting a script).
 */
function responseHead(response: NonNullable<WorkerRunInput['response']>) {
  const { body: _body, ...head } = response
  return head
}

/**
 * Whether a body can go to QuickJS as a string of its own: a string is handed over as
 * NUL-terminated UTF-8, which cannot carry a NUL or a lone surrogate (neither comes out of
 * a decoded response, but the port takes any text); such a body stays in the JSON, which
 * carries it exactly.
 */
function apart(body: string): boolean {
  return !body.includes('\0') && (body as unknown as { isWellFormed(): boolean }).isWellFormed()
}

export async function runScripts(
  input: WorkerRunInput,
  channel: RunChannel,
  pool: InstancePool,
): Promise<ScriptRunResult> {
  await loadDynamicValuesFor(input.scripts.map((s) => s.source))
  const state = new RunState(input)
  const body = input.response && apart(input.response.body) ? input.response.body : null
  const response = body === null ? input.response : input.response && responseHead(input.response)
  const responseJson = response ? JSON.stringify(response) : 'null'
  const errors: NonNullable<ScriptRunResult['errors']> = []
  for (const script of input.scripts) {
    if (state.error && input.continueOnError) {
      // Kept aside, so the next script runs as if none had failed (newman's way).
      errors.push(state.error)
      state.error = undefined
    }
    if (state.error || state.skipRequest || channel.cancelled) break
    const instance = await pool.take(
      input.limits.memoryBytes,
      input.limits.stackBytes,
      namesChai(script.source),
      librariesNamed(script.source),
    )
    try {
      const execution = new ScriptExecution(instance, script, input, state, channel)
      await execution.execute(kernelInput(input, script, state, responseJson), body)
    } finally {
      pool.give(instance)
    }
  }
  const sent = channel.sendRequests
  const withSends = (result: ScriptRunResult) =>
    sent.total > 0 ? { ...result, sentRequests: sent } : result
  if (!input.continueOnError) return withSends(state.result())
  if (state.error) errors.push(state.error)
  state.error = errors[0]
  return withSends({ ...state.result(), ...(errors.length > 0 && { errors }) })
}

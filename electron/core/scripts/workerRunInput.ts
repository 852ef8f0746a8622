import { randomUUID } from 'node:crypto'
import type { WorkerRunInput } from './scriptMessages'
import { checkRunInput } from './scriptShapes'
import type { ScriptLimits, ScriptRunnerInput } from './scriptTypes'

/**
 * A run as the sandbox executes it: the caller's input checked (a wrong shape throws,
 * naming the field), every limit resolved over `base`, and pm.info completed.
 */
export function workerRunInput(raw: ScriptRunnerInput, base: ScriptLimits): WorkerRunInput {
  const checked = checkRunInput(raw)
  return {
    event: checked.event,
    scripts: checked.scripts,
    request: checked.request,
    ...(checked.response && { response: checked.response }),
    variables: checked.variables as unknown as WorkerRunInput['variables'],
    info: {
      requestName: checked.info.requestName,
      iteration: checked.info.iteration,
      eventName: checked.info.eventName,
      requestId: checked.info.requestId ?? randomUUID(),
      iterationCount: checked.info.iterationCount ?? 1,
    },
    limits: { ...base, ...checked.limits },
    ...(checked.continueOnError && { continueOnError: true }),
  }
}

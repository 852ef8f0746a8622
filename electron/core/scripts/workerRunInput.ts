import { randomUUID } from 'node:crypto'
import type { WorkerRunInput } from './scriptMessages'
import { checkRunBounds, checkRunInput } from './scriptShapes'
import type { ScriptLimits, ScriptRunnerInput } from './scriptTypes'

/**
 * A run as the sandbox executes it: the caller's input checked (a wrong shape throws,
 * naming the field), every limit resolved over `base`, and pm.info completed.
 */
export function workerRunInput(raw: ScriptRunnerInput, base: ScriptLimits): WorkerRunInput {
  return resolved(checkRunInput(raw), base)
}

/**
 * The same for a caller in this process whose input never crossed a trust boundary: the
 * command line's checkedSend over the in-thread sandbox builds it from data checked where
 * it came in (workspace and collection files, data files, settings) and from its own
 * results, typed throughout, so its shape is not checked again field by field nor copied
 * (~a tenth of a small script's cost). What must hold whoever the caller is is still
 * checked: the limits, the number of scripts, the event (checkRunBounds). A bad shape can
 * make a script fail, never reach past the sandbox: QuickJS only ever sees JSON text. The
 * app's worker path keeps the full check (workerRunInput): its runs come from the UI.
 */
export function trustedRunInput(raw: ScriptRunnerInput, base: ScriptLimits): WorkerRunInput {
  return resolved(checkRunBounds(raw), base)
}

function resolved(checked: ScriptRunnerInput, base: ScriptLimits): WorkerRunInput {
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
      ...(checked.info.environmentName !== undefined && {
        environmentName: checked.info.environmentName,
      }),
      ...(checked.info.location !== undefined && { location: checked.info.location }),
    },
    limits: { ...base, ...checked.limits },
    ...(checked.continueOnError && { continueOnError: true }),
  }
}

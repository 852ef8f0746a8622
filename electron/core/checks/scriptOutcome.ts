import type { Checks, ScriptFailure, TestResult } from '../../../shared/model/assertion'
import type { ScriptRunOutput, ScriptSource } from './scriptPort'

/** Which scripts of a send: those before it, or those after it. */
export type ScriptEvent = 'preRequest' | 'postResponse'

// What one event's scripts did, as a send's checks report it: their tests, their
// failures, and how many of them ran.

/** The scripts' tests as a send's test results, skipped ones left out. */
export function scriptTests(output: ScriptRunOutput, event: ScriptEvent): TestResult[] {
  const source = event === 'preRequest' ? 'pre-request script' : 'post-response script'
  return output.tests
    .filter((t) => !t.skipped)
    .map((t) => ({
      name: t.name,
      passed: t.passed,
      ...(t.error !== undefined && { error: t.error }),
      source,
    }))
}

/** The scripts of `output` that failed, as checks report them. */
export function failuresOf(output: ScriptRunOutput, event: ScriptEvent): ScriptFailure[] {
  const errors = output.errors ?? (output.error ? [output.error] : [])
  return errors.map((e) => ({
    script: e.script,
    event,
    message: e.message,
    ...(e.line !== undefined && { line: e.line }),
    ...(e.column !== undefined && { column: e.column }),
    ...(e.limit !== undefined && { limit: e.limit }),
  }))
}

/** Adds failures to the checks: the first one found is `scriptFailure`, later ones follow it. */
export function record(checks: Checks, failures: ScriptFailure[]): void {
  const rest = checks.scriptFailure ? failures : failures.slice(1)
  if (!checks.scriptFailure && failures[0]) checks.scriptFailure = failures[0]
  if (rest.length > 0) checks.moreScriptFailures = [...(checks.moreScriptFailures ?? []), ...rest]
}

/** How many of `sources` ran: up to the failing one when a failure stops the rest. */
export function ranCount(sources: ScriptSource[], output: ScriptRunOutput, go: boolean): number {
  if (go || !output.error) return sources.length
  const at = sources.findIndex((s) => s.name === output.error!.script)
  return at >= 0 ? at + 1 : sources.length
}

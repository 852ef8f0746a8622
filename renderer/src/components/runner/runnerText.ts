import type { RunExecution, RunSummary } from '../../../../shared/model/run'
import { formatDuration, statusLine } from '../response/formatResponse'

/** `10,000`: one formatter, made once (toLocaleString makes one per call). */
const count = new Intl.NumberFormat('en').format

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`

const END_WORDS: Record<RunSummary['end'], string> = {
  completed: 'Completed',
  bailed: 'Stopped at the first failure',
  stopped: 'Stopped',
  'loop-guard': 'Stopped: setNextRequest looped',
}

/**
 * The line under a finished run: how it ended and newman's counts. A request "failed" in
 * newman's sense only when no response came, so that is said in those words.
 */
export function summaryLine(summary: RunSummary): string {
  const { stats } = summary
  const scriptErrors = stats.prerequestScripts.failed + stats.testScripts.failed
  return [
    END_WORDS[summary.end],
    plural(stats.iterations.total, 'iteration'),
    plural(stats.requests.total, 'request'),
    ...(stats.requests.failed > 0
      ? [`${plural(stats.requests.failed, 'request')} got no response`]
      : []),
    stats.assertions.total === 0
      ? 'no tests'
      : `${plural(stats.assertions.total, 'test')}, ${count(stats.assertions.failed)} failed`,
    ...(scriptErrors > 0 ? [plural(scriptErrors, 'script error')] : []),
    `average ${formatDuration(summary.averageResponseMs)}`,
  ].join(' · ')
}

/** The line while a run goes: requests done, how many had a failure of any kind, and tests. */
export function progressLine(
  done: number,
  expected: number,
  failures: number,
  tests: { passed: number; failed: number },
): string {
  const of = expected > done ? ` of ${count(expected)}` : ''
  return [
    `${count(done)}${of} ${expected > done || done !== 1 ? 'requests' : 'request'}`,
    `${count(failures)} with a failure`,
    `tests: ${count(tests.passed)} passed, ${count(tests.failed)} failed`,
  ].join(' · ')
}

/** What the Status cell says: `200 OK`, or the error's code when nothing came back. */
export function statusText(execution: RunExecution): string {
  if (execution.response)
    return statusLine(execution.response.status, execution.response.statusText)
  return execution.error?.code ?? 'No response'
}

/** What the Tests cell says: `2 passed`, `1 passed, 1 failed`, `script failed` or `—`. */
export function testsText(passed: number, failed: number, scriptFailed: boolean): string {
  const parts: string[] = []
  if (passed > 0) parts.push(`${passed} passed`)
  if (failed > 0) parts.push(`${failed} failed`)
  if (scriptFailed) parts.push('script failed')
  return parts.join(', ') || '—'
}

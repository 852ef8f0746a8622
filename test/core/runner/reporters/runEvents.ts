import type { ConsoleLine, ScriptFailure, TestResult } from '../../../../shared/model/assertion'
import type { RequestError } from '../../../../shared/model/requestError'
import {
  countExecution,
  emptyRunStats,
  failuresOf,
  type RunEnd,
  type RunEvent,
  type RunExecution,
  type RunFailure,
  type RunSummary,
} from '../../../../shared/model/run'
import type { RunReporter } from '../../../../electron/core/runner/reporters/runReporter'

/** One request of a made-up run; what it got back is given per iteration where it varies. */
export interface ItemSpec {
  name: string
  folder?: string
  method?: string
  url?: string
  status?: number
  statusText?: string
  timeMs?: number
  sizeBytes?: number
  headers?: [string, string][]
  body?: string
  bodyTruncated?: boolean
  tests?: TestResult[] | ((iteration: number) => TestResult[])
  /** No response: a transport error (or a pre-request script's SCRIPT). */
  error?: RequestError
  scriptFailure?: ScriptFailure
  console?: ConsoleLine[]
  scripts?: { prerequest: number; test: number }
}

export const pass = (name: string): TestResult => ({ name, passed: true, source: 'request' })
export const fail = (name: string, error: string): TestResult => ({
  name,
  passed: false,
  error,
  source: 'request',
})

export const STARTED_AT = Date.UTC(2024, 4, 1, 9, 30, 0)

/**
 * The events a run streams, as runCollection emits them (start, iteration, request,
 * execution..., done), with the summary counted by the same shared functions the runner
 * uses; so reporters see exactly what a real run gives them.
 */
export function buildRun(opts: {
  name?: string
  iterations?: number
  items: ItemSpec[]
  end?: RunEnd
  endMessage?: string | null
}): { events: RunEvent[]; summary: RunSummary } {
  const iterations = opts.iterations ?? 1
  const name = opts.name ?? 'Shop API'
  const stats = emptyRunStats()
  const failures: RunFailure[] = []
  const events: RunEvent[] = [
    {
      type: 'start',
      runId: 'run-1',
      name,
      iterations,
      itemsPerIteration: opts.items.length,
      startedAt: STARTED_AT,
    },
  ]
  let index = 0
  let clock = STARTED_AT
  let responded = 0
  let responseMs = 0
  let totalBytes = 0
  for (let iteration = 0; iteration < iterations; iteration++) {
    stats.iterations.total++
    events.push({ type: 'iteration', iteration })
    for (const spec of opts.items) {
      const execution = makeExecution(spec, index, iteration, clock)
      const item = execution.item
      events.push({ type: 'request', iteration, index, item })
      events.push({ type: 'execution', execution })
      countExecution(stats, execution)
      failures.push(...failuresOf(execution))
      if (execution.response) {
        responded++
        responseMs += execution.response.timeMs
        totalBytes += execution.response.sizeBytes
      }
      clock += 25
      index++
    }
  }
  const summary: RunSummary = {
    runId: 'run-1',
    name,
    startedAt: STARTED_AT,
    finishedAt: STARTED_AT + 2500,
    stats,
    failures,
    end: opts.end ?? 'completed',
    endMessage: opts.endMessage ?? null,
    averageResponseMs: responded > 0 ? responseMs / responded : 0,
    totalBytes,
  }
  events.push({ type: 'done', summary })
  return { events, summary }
}

export function makeExecution(
  spec: ItemSpec,
  index: number,
  iteration: number,
  startedAt = STARTED_AT,
): RunExecution {
  const path = spec.folder ? `${spec.folder}/${spec.name}` : spec.name
  const tests = typeof spec.tests === 'function' ? spec.tests(iteration) : (spec.tests ?? [])
  const responded = !spec.error
  return {
    index,
    iteration,
    item: { id: `id-${path}`, name: spec.name, path },
    method: spec.method ?? 'GET',
    url: spec.url ?? `http://127.0.0.1:8080/${encodeURIComponent(spec.name)}`,
    startedAt,
    response: responded
      ? {
          status: spec.status ?? 200,
          statusText: spec.statusText ?? 'OK',
          timeMs: spec.timeMs ?? 23,
          sizeBytes: spec.sizeBytes ?? 1234,
          headers: spec.headers ?? [['content-type', 'application/json']],
          body: spec.body ?? '{"ok":true}',
          bodyTruncated: spec.bodyTruncated ?? false,
        }
      : null,
    error: spec.error ?? null,
    checks: { tests, console: spec.console ?? [], scriptFailure: spec.scriptFailure ?? null },
    scripts: spec.scripts ?? { prerequest: 0, test: tests.length > 0 ? 1 : 0 },
    historyId: null,
  }
}

/** Hands every event to the reporters as runCollection would, then finishes them. */
export async function feed(reporters: RunReporter[], events: Iterable<RunEvent>): Promise<void> {
  for (const event of events) for (const r of reporters) await r.onEvent(event)
  for (const r of reporters) await r.finish()
}

export const refused: RequestError = {
  code: 'REFUSED',
  message: 'Nothing listens on 127.0.0.1:9 (connection refused).',
  hint: 'Start the server, or check the host and port.',
}

import * as z from 'zod'
import { ChecksSchema, checksFailed } from './assertion'
import { RequestErrorSchema } from './requestError'

/**
 * A collection run: every request of a workspace, a folder, a selection or a Postman
 * collection, over iterations (one per data-file row), as the app's Runner and
 * `courier run` execute it. Events stream out as it goes; nothing here holds a body
 * bigger than the report limit.
 */

/** Executed and failed, as newman counts them. */
export const RunCountSchema = z.object({
  total: z.number().int().min(0),
  failed: z.number().int().min(0),
})
export type RunCount = z.infer<typeof RunCountSchema>

/** newman's `run.stats`, same names and meaning. */
export const RunStatsSchema = z.object({
  iterations: RunCountSchema,
  /** Requests sent (or tried); failed: no response (transport error, or a script stopped it). */
  requests: RunCountSchema,
  /** Post-response scripts run (one per level that has one); failed: the script threw. */
  testScripts: RunCountSchema,
  /** Pre-request scripts run; failed: the script threw. */
  prerequestScripts: RunCountSchema,
  /** `pm.test` calls and assertion rows; failed: the test failed. */
  assertions: RunCountSchema,
})
export type RunStats = z.infer<typeof RunStatsSchema>

export function emptyRunStats(): RunStats {
  const zero = () => ({ total: 0, failed: 0 })
  return {
    iterations: zero(),
    requests: zero(),
    testScripts: zero(),
    prerequestScripts: zero(),
    assertions: zero(),
  }
}

/** Which request of the run: its place in the collection, stable across iterations. */
export const RunItemRefSchema = z.object({
  /** The saved request's path in the workspace, or the collection item's id. */
  id: z.string(),
  name: z.string(),
  /** Folders and name, `Users/Get user`, for people to read. */
  path: z.string(),
})
export type RunItemRef = z.infer<typeof RunItemRefSchema>

/** What a report keeps of a response: the head, and at most the report limit of the body. */
export const RunResponseSchema = z.object({
  status: z.number().int(),
  statusText: z.string(),
  /** Whole exchange, ms. */
  timeMs: z.number(),
  /** Body bytes received. */
  sizeBytes: z.number(),
  /** Status line and header bytes received (newman's request line shows both). */
  headersBytes: z.number().optional(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** The body as text, cut at the report limit; empty for a binary body. */
  body: z.string(),
  bodyTruncated: z.boolean(),
})
export type RunResponse = z.infer<typeof RunResponseSchema>

/** One request of one iteration, finished. */
export const RunExecutionSchema = z.object({
  /** Order in the run, from 0 (a request sent twice by setNextRequest has two). */
  index: z.number().int().min(0),
  /** From 0. */
  iteration: z.number().int().min(0),
  item: RunItemRefSchema,
  method: z.string(),
  /** The URL as sent (variables resolved, secret values masked). */
  url: z.string(),
  /** ms since the epoch. */
  startedAt: z.number(),
  response: RunResponseSchema.nullable(),
  /** No response: a transport error, or a pre-request script that failed or skipped it. */
  error: RequestErrorSchema.nullable(),
  checks: ChecksSchema,
  /** Scripts run for this request (one per level that has one). */
  scripts: z.object({ prerequest: z.number().int(), test: z.number().int() }),
  /** Requests its scripts sent with pm.sendRequest (newman counts them in `requests`). */
  sentRequests: z.object({ total: z.number().int(), failed: z.number().int() }).optional(),
  /** Its history entry, when the run is kept in history. */
  historyId: z.number().int().nullable().default(null),
})
export type RunExecution = z.infer<typeof RunExecutionSchema>

/** A request skipped by its pre-request script (pm.execution.skipRequest): neither sent nor failed. */
export function executionSkipped(e: RunExecution): boolean {
  return e.error?.code === 'SCRIPT' && !e.checks.scriptFailure
}

export function executionFailed(e: RunExecution): boolean {
  return (e.error !== null && !executionSkipped(e)) || checksFailed(e.checks)
}

/** Every script that failed in the execution, in order. */
function scriptFailuresOf(e: RunExecution) {
  const first = e.checks.scriptFailure
  return first ? [first, ...(e.checks.moreScriptFailures ?? [])] : []
}

/** One thing that failed, as the reports list them. */
export const RunFailureSchema = z.object({
  /** RunExecution.index of the request it happened in. */
  execution: z.number().int(),
  iteration: z.number().int(),
  item: RunItemRefSchema,
  /** assertion: a test or assertion row failed; script: a script threw; request: no response. */
  kind: z.enum(['assertion', 'script', 'request']),
  /** The test's name, the script's name, or the request error's code. */
  name: z.string(),
  message: z.string(),
})
export type RunFailure = z.infer<typeof RunFailureSchema>

/** Why a run ended. */
export const RunEndSchema = z.enum([
  /** Every iteration ran. */
  'completed',
  /** --bail: the first failure stopped it. */
  'bailed',
  /** The user (or a signal) stopped it. */
  'stopped',
  /** setNextRequest kept jumping past the step limit of an iteration. */
  'loop-guard',
])
export type RunEnd = z.infer<typeof RunEndSchema>

export const RunSummarySchema = z.object({
  runId: z.string(),
  /** The workspace, folder or collection run. */
  name: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  stats: RunStatsSchema,
  failures: z.array(RunFailureSchema),
  end: RunEndSchema,
  /** Says why it ended early, for people; null when completed. */
  endMessage: z.string().nullable(),
  /** Mean response time of the requests that got one, ms. */
  averageResponseMs: z.number(),
  /** Response body bytes received in the whole run. */
  totalBytes: z.number(),
})
export type RunSummary = z.infer<typeof RunSummarySchema>

/** What a run streams, in order: start, then per iteration its requests, then done. */
export type RunEvent =
  | {
      type: 'start'
      runId: string
      name: string
      iterations: number
      /** Requests per iteration before any setNextRequest jump. */
      itemsPerIteration: number
      startedAt: number
    }
  | { type: 'iteration'; iteration: number }
  /** A request is about to be sent (before its pre-request scripts). */
  | { type: 'request'; iteration: number; index: number; item: RunItemRef }
  | { type: 'execution'; execution: RunExecution }
  | { type: 'done'; summary: RunSummary }

/** The failures one execution adds, in the order the reports list them. */
export function failuresOf(e: RunExecution): RunFailure[] {
  const at = { execution: e.index, iteration: e.iteration, item: e.item }
  const out: RunFailure[] = []
  const script = (f: ReturnType<typeof scriptFailuresOf>[number]): RunFailure => ({
    ...at,
    kind: 'script',
    name: f.script,
    message: `${f.event === 'preRequest' ? 'pre-request' : 'post-response'} script of ${f.script}${f.line ? `, line ${f.line}` : ''}: ${f.message}`,
  })
  // In the order they happened: pre-request scripts, the request, post-response scripts, tests.
  const scripts = scriptFailuresOf(e)
  out.push(...scripts.filter((f) => f.event === 'preRequest').map(script))
  if (e.error && e.error.code !== 'SCRIPT') {
    out.push({ ...at, kind: 'request', name: e.error.code, message: e.error.message })
  }
  out.push(...scripts.filter((f) => f.event === 'postResponse').map(script))
  for (const t of e.checks.tests) {
    if (!t.passed)
      out.push({ ...at, kind: 'assertion', name: t.name, message: t.error ?? 'failed' })
  }
  return out
}

/** Adds one execution to the counts (iterations are counted by the runner). */
export function countExecution(stats: RunStats, e: RunExecution): void {
  if (!executionSkipped(e)) {
    stats.requests.total++
    if (e.response === null) stats.requests.failed++
  }
  stats.requests.total += e.sentRequests?.total ?? 0
  stats.requests.failed += e.sentRequests?.failed ?? 0
  stats.prerequestScripts.total += e.scripts.prerequest
  stats.testScripts.total += e.scripts.test
  for (const f of scriptFailuresOf(e)) {
    if (f.event === 'preRequest') stats.prerequestScripts.failed++
    else stats.testScripts.failed++
  }
  for (const t of e.checks.tests) {
    stats.assertions.total++
    if (!t.passed) stats.assertions.failed++
  }
}

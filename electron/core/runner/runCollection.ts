import type { CookieJar } from 'tough-cookie'
import { randomUUID } from 'node:crypto'
import { setTimeout as wait } from 'node:timers/promises'
import {
  countExecution,
  emptyRunStats,
  failuresOf,
  type RunEnd,
  type RunEvent,
  type RunFailure,
  type RunSummary,
} from '../../../shared/model/run'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { SchemaCheck } from '../assertions/schemaCheck'
import type { ScriptPort } from '../checks/scriptPort'
import type { AppendInput } from '../history/entryRecord'
import type { HttpEngine } from '../http/engine'
import type { FileGate } from '../http/fileGate'
import { RunCookies } from './runCookies'
import { runItem } from './runItem'
import { planScripts, type RunPlan } from './runPlan'
import { RunVariables } from './runVariables'

export interface RunOptions {
  /** Iterations; by default one per data row, or 1. */
  iterations?: number
  /** Iteration data rows: row i is `pm.iterationData` and variables in iteration i. */
  data?: Record<string, string>[]
  /** Pause between two requests, ms. */
  delayMs?: number
  /** Stop at the first failure (end `bailed`). */
  bail?: boolean
  /** Timeout, redirects, TLS checks: override the app's defaults for every request. */
  defaults?: Partial<RequestDefaults>
  scriptLimits?: { memoryBytes?: number; cpuMs?: number }
  /** Cookies set by responses go with later requests of the run (default true, as newman). */
  keepCookies?: boolean
  /** The jar the run starts from and leaves its cookies in (`courier run --cookie-jar`). */
  cookieJar?: CookieJar
  /** Requests one iteration may send before setNextRequest counts as a loop (end `loop-guard`). */
  maxStepsPerIteration?: number
  /** Characters of each response body kept for reports. */
  reportBodyBytes?: number
  /** Aborting stops the run: the request in flight is cancelled (end `stopped`). */
  signal?: AbortSignal
  runId?: string
  /** Who runs it, for history entries. */
  source?: AppendInput['source']
}

/** Keeps a run and its sends in history (the history store implements it). */
export interface RunHistorySink {
  begin(run: { runId: string; name: string; startedAt: number }): void | Promise<void>
  /** Keeps one send of the run; resolves to its entry's id, or null when it was not kept. */
  keep(runId: string, entry: AppendInput): Promise<number | null>
  end(summary: RunSummary): void | Promise<void>
}

export interface RunDeps {
  engine: HttpEngine
  /** The sandbox; null where scripts cannot run (requests with scripts then fail). */
  scripts: ScriptPort | null
  schemas: SchemaCheck
  history?: RunHistorySink | null
  /**
   * The local files the requests' bodies may read, relative paths from the plan's folder.
   * Absent: none (a file body fails with FILE_NOT_CONFIRMED).
   */
  files?: FileGate
}

export const REPORT_BODY_BYTES = 64 * 1024
/** Enough for polling flows that retry a request many times, small enough to end a real loop. */
const MIN_STEPS_PER_ITERATION = 1000

/**
 * Runs a plan as Postman's collection runner and newman do: for each iteration (one per
 * data row unless told), each request in order, with its scripts and tests; setNextRequest
 * jumps (null ends the iteration); variables and cookies carry through the run. Every
 * request streams out as an event when it finishes; the summary holds counts and
 * failures only, so memory stays flat however long the run.
 */
export async function runCollection(
  deps: RunDeps,
  plan: RunPlan,
  options: RunOptions,
  emit: (event: RunEvent) => void | Promise<void>,
): Promise<RunSummary> {
  const runId = options.runId ?? randomUUID()
  const startedAt = Date.now()
  const data = options.data ?? []
  const iterations = options.iterations ?? Math.max(1, data.length)
  const maxSteps =
    options.maxStepsPerIteration ?? Math.max(MIN_STEPS_PER_ITERATION, plan.items.length * 100)
  const signal = options.signal
  const stats = emptyRunStats()
  const failures: RunFailure[] = []
  const variables = new RunVariables(plan)
  const cookies = options.keepCookies === false ? null : new RunCookies(options.cookieJar)
  let end: RunEnd = 'completed'
  let endMessage: string | null = null
  let index = 0
  let responded = 0
  let responseMs = 0
  let totalBytes = 0
  let requestId = ''
  // pm.info.requestId, as newman gives it: the request's own id in the collection, else one
  // made per request of the plan; the same in every iteration.
  const scriptRequestIds = plan.items.map((item) => item.sourceId ?? randomUUID())
  const cancel = () => deps.engine.cancel(requestId)
  signal?.addEventListener('abort', cancel)
  const keep = deps.history ? (entry: AppendInput) => deps.history!.keep(runId, entry) : null
  // The sandbox readies what these scripts use (chai only if one names pm.expect).
  deps.scripts?.expectScripts?.(planScripts(plan), iterations)

  await emit({
    type: 'start',
    runId,
    name: plan.name,
    iterations,
    itemsPerIteration: plan.items.length,
    startedAt,
  })
  await deps.history?.begin({ runId, name: plan.name, startedAt })
  try {
    run: for (let iteration = 0; iteration < iterations; iteration++) {
      if (signal?.aborted) break
      stats.iterations.total++
      await emit({ type: 'iteration', iteration })
      // Past the last row, newman keeps using the last one.
      const row = data.length > 0 ? data[Math.min(iteration, data.length - 1)]! : {}
      let position = 0
      let steps = 0
      while (position < plan.items.length) {
        if (++steps > maxSteps) {
          end = 'loop-guard'
          endMessage = `Iteration ${iteration + 1} sent ${maxSteps} requests: setNextRequest looks like an endless loop, so the run stopped. Make the loop end (e.g. count attempts in a variable), or call setNextRequest(null).`
          break run
        }
        if (index > 0 && options.delayMs) await pause(options.delayMs, signal)
        if (signal?.aborted) break run
        const item = plan.items[position]!
        requestId = `${runId}:${index}`
        await emit({
          type: 'request',
          iteration,
          index,
          item: { id: item.id, name: item.name, path: item.path },
        })
        const outcome = await runItem(
          {
            engine: deps.engine,
            scripts: deps.scripts,
            schemas: deps.schemas,
            keep,
            ...(deps.files && { files: deps.files }),
          },
          {
            plan,
            item,
            index,
            iteration,
            iterations,
            iterationData: row,
            variables,
            cookies,
            defaults: options.defaults,
            limits: options.scriptLimits,
            reportBodyBytes: options.reportBodyBytes ?? REPORT_BODY_BYTES,
            requestId,
            scriptRequestId: scriptRequestIds[position]!,
            signal,
            source: options.source ?? 'cli',
          },
        )
        const execution = outcome.execution
        index++
        countExecution(stats, execution)
        if (execution.response) {
          responded++
          responseMs += execution.response.timeMs
          totalBytes += execution.response.sizeBytes
        }
        const failed = failuresOf(execution)
        failures.push(...failed)
        await emit({ type: 'execution', execution })
        if (signal?.aborted) break run
        if (options.bail && failed.length > 0) {
          end = 'bailed'
          endMessage = `Stopped at the first failure (bail): "${item.path}" in iteration ${iteration + 1}.`
          break run
        }
        if (outcome.nextRequest === undefined) position++
        else if (outcome.nextRequest === null) break
        else {
          const next = findItem(plan, outcome.nextRequest)
          // An unknown name ends the iteration, as in Postman.
          if (next < 0) break
          position = next
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
  if (signal?.aborted && end === 'completed') {
    end = 'stopped'
    endMessage = `Stopped after ${index} request${index === 1 ? '' : 's'}.`
  }
  const summary: RunSummary = {
    runId,
    name: plan.name,
    startedAt,
    finishedAt: Date.now(),
    stats,
    failures,
    end,
    endMessage,
    averageResponseMs: responded > 0 ? responseMs / responded : 0,
    totalBytes,
  }
  await deps.history?.end(summary)
  await emit({ type: 'done', summary })
  return summary
}

/** setNextRequest takes a request's name (or its id): the first match in run order. */
function findItem(plan: RunPlan, name: string): number {
  const byName = plan.items.findIndex((i) => i.name === name)
  return byName >= 0 ? byName : plan.items.findIndex((i) => i.id === name)
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await wait(ms, undefined, { signal })
  } catch {
    // Aborted: the loop sees the signal and stops.
  }
}

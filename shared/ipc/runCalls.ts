import * as z from 'zod'
import { BodySaveResultSchema } from '../model/body'
import {
  RunExecutionSchema,
  RunItemRefSchema,
  RunSummarySchema,
  type RunEvent,
  type RunExecution,
} from '../model/run'

/**
 * The app's Runner over the contract: start a run of saved requests, stop it, read one of
 * its executions back, export its report, and the stream of what it does (`run:event`).
 */

/** A path inside the open workspace, relative to its root, with `/` separators. */
const WorkspacePath = z.string().max(1000)

/** What a run runs: the whole workspace, one folder, or requests in the order chosen. */
export const RunScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workspace') }),
  z.object({ kind: z.literal('folder'), path: WorkspacePath.min(1, 'Give the folder to run') }),
  z.object({
    kind: z.literal('requests'),
    /** Saved request paths, in the order to run them. */
    paths: z
      .array(WorkspacePath)
      .min(1, 'Choose at least one request to run')
      .max(10_000, 'At most 10,000 requests can be chosen'),
    /** What reports call the run (the folder the requests were chosen from); default: the workspace's name. */
    name: z.string().max(200).optional(),
  }),
])
export type RunScope = z.infer<typeof RunScopeSchema>

/** Arguments of `run:start`. */
export const RunStartArgsSchema = z.object({
  /** Chosen by the caller, so it can match events that arrive before the answer. */
  runId: z.string().min(1).max(100),
  scope: RunScopeSchema,
  /** Absent: one per data row, or 1 without a data file. */
  iterations: z
    .number()
    .int('Iterations must be a whole number')
    .min(1, 'Run at least 1 iteration')
    .max(100_000, 'At most 100,000 iterations')
    .optional(),
  /** A CSV or JSON iteration data file; a relative path is read from the workspace folder. */
  dataFile: z.string().trim().max(4096).nullable().default(null),
  /** Pause between two requests, ms. */
  delayMs: z
    .number()
    .int('The delay must be whole milliseconds')
    .min(0, 'The delay cannot be negative')
    .max(600_000, 'The delay is at most 600,000 ms (10 minutes)')
    .default(0),
  /** Stop at the first failure. */
  bail: z.boolean().default(false),
  /** Cookies set by responses go with later requests of the run. */
  keepCookies: z.boolean().default(true),
  /**
   * The run starts from the workspace's cookie jar (when it keeps cookies); with this, what
   * it ends with replaces the workspace's jar, as Postman's "Save cookies after collection run".
   */
  saveCookies: z.boolean().default(false),
  /** The environment's name; null: none. */
  environment: z.string().max(200).nullable().default(null),
  /**
   * Local files the user confirmed for this run only ("Upload once" when the Runner asked,
   * see `run:filesToConfirm`); absolute paths.
   */
  allowFiles: z.array(z.string().max(4096)).max(1000).default([]),
})
export type RunStartArgs = z.infer<typeof RunStartArgsSchema>
export type RunStartArgsInput = z.input<typeof RunStartArgsSchema>

/** What a data file holds, for the Runner to show before running. */
export const RunDataInfoSchema = z.object({
  /** The file read, absolute. */
  path: z.string(),
  /** Column (or key) names, in the order first seen. */
  columns: z.array(z.string()),
  /** Rows: one iteration each. */
  rows: z.number().int().min(0),
})
export type RunDataInfo = z.infer<typeof RunDataInfoSchema>

export const RUN_REPORT_FORMATS = ['html', 'json', 'junit'] as const
export type RunReportFormat = (typeof RUN_REPORT_FORMATS)[number]

const RunRef = z.object({ runId: z.string().min(1).max(100) })

/** The run calls, spread into the contract's `calls`. */
export const runCalls = {
  /**
   * Plans the run (reads the requests and the data file) and starts it; answers once it
   * runs, with its name. Its progress comes as `run:event`. Script variables the run
   * changes stay in the run: nothing is written back to the workspace.
   */
  'run:start': {
    args: RunStartArgsSchema,
    result: z.object({ runId: z.string(), name: z.string() }),
  },
  /**
   * The local files the run would upload that the user has not confirmed for this
   * workspace (absolute paths): the Runner asks about each before starting.
   */
  'run:filesToConfirm': {
    args: z.object({
      scope: RunScopeSchema,
      environment: z.string().max(200).nullable().default(null),
    }),
    result: z.array(z.string()),
  },
  /** Stops a run (the request in flight is cancelled); false when it had already ended. */
  'run:stop': { args: RunRef, result: z.boolean() },
  /** Reads a data file as a run would, to show its columns and rows. */
  'run:readData': {
    args: z.object({ path: z.string().trim().min(1, 'Give the data file path').max(4096) }),
    result: RunDataInfoSchema,
  },
  /** One execution of a run, whole (the stream leaves out bodies, headers and console). */
  'run:execution': {
    args: RunRef.extend({ index: z.number().int().min(0) }),
    result: RunExecutionSchema,
  },
  /**
   * The run's report as a file: saved where the user picks (the app's save dialog) or
   * offered as a download (browser mode). Only for a run that has ended.
   */
  'run:export': {
    args: RunRef.extend({ format: z.enum(RUN_REPORT_FORMATS) }),
    result: BodySaveResultSchema,
  },
} as const

const countSchema = z.number().int().min(0)

/** newman's events as zod, so the stream is declared like every other event. */
const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    runId: z.string(),
    name: z.string(),
    iterations: countSchema,
    itemsPerIteration: countSchema,
    startedAt: z.number(),
  }),
  z.object({ type: z.literal('iteration'), iteration: countSchema }),
  z.object({
    type: z.literal('request'),
    iteration: countSchema,
    index: countSchema,
    item: RunItemRefSchema,
  }),
  z.object({ type: z.literal('execution'), execution: RunExecutionSchema }),
  z.object({ type: z.literal('done'), summary: RunSummarySchema }),
])

/**
 * What the Runner is told: the run's events, where an execution is listed without its
 * response body, headers and script console (`run:execution` has them), plus `failed`
 * when the run itself broke (not a request: those are executions).
 */
export const RunStreamEventSchema = z.union([
  RunEventSchema,
  z.object({ type: z.literal('failed'), message: z.string() }),
])
export type RunStreamEvent = RunEvent | { type: 'failed'; message: string }

/** `run:event`: a batch of one run's events, in order. */
export const RunEventPayloadSchema = z.object({
  runId: z.string(),
  events: z.array(RunStreamEventSchema),
})
export type RunEventPayload = { runId: string; events: RunStreamEvent[] }

/** An execution as the stream lists it: what the Runner's table needs, nothing big. */
export function listedExecution(e: RunExecution): RunExecution {
  return {
    ...e,
    response: e.response ? { ...e.response, headers: [], body: '' } : null,
    checks: { ...e.checks, console: [] },
  }
}

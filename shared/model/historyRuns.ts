import * as z from 'zod'
import { HistorySummarySchema } from './history'
import { RunEndSchema, RunStatsSchema } from './run'

/**
 * Collection runs as history keeps them: one row per run (what it ran, when, how it
 * ended, newman's counts) over the sends it made, which are ordinary history entries
 * carrying the run's id.
 */

/** A run id as the runner makes them (a UUID, or the caller's own). */
const RunIdSchema = z.string().min(1, 'Give the run id').max(200)

/** One run in history. */
export const HistoryRunSchema = z.object({
  runId: z.string(),
  /** The workspace, folder or collection run. */
  name: z.string(),
  /** `app` or `cli`; null until its first send is kept. */
  source: z.enum(['app', 'cli']).nullable(),
  /** ms since the epoch. */
  startedAt: z.number(),
  /** Null while it runs, or when whatever ran it stopped before the run ended (a crash). */
  finishedAt: z.number().nullable(),
  /** Why it ended; null until it has. */
  end: RunEndSchema.nullable(),
  endMessage: z.string().nullable(),
  /** newman's counts; null until it ends. */
  stats: RunStatsSchema.nullable(),
  /** Failures the report lists (assertions, scripts, requests); null until it ends. */
  failures: z.number().int().nullable(),
  /**
   * Requests with at least one failure: when finished, as the run counted them; before,
   * the kept sends that failed so far.
   */
  failedRequests: z.number().int(),
  /** Mean response time, ms; null until it ends. */
  averageResponseMs: z.number().nullable(),
  /** Response body bytes received in the whole run; null until it ends. */
  totalBytes: z.number().nullable(),
  workspace: z.string().nullable(),
  workspaceName: z.string().nullable(),
  environment: z.string().nullable(),
  /** Its sends still in history (retention may have dropped the oldest). */
  sends: z.number().int(),
  /** Still running in the process that answers (the app's own runs). */
  running: z.boolean(),
})
export type HistoryRun = z.infer<typeof HistoryRunSchema>

/** Where a page of runs ends: pass back as `before` for the next (older) page. */
export const HistoryRunCursorSchema = z.object({ startedAt: z.number(), runId: z.string() })
export type HistoryRunCursor = z.infer<typeof HistoryRunCursorSchema>

export const HistoryRunPageArgsSchema = z.object({
  /** Continue after this run; null = the newest. */
  before: HistoryRunCursorSchema.nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
})
export type HistoryRunPageArgs = z.infer<typeof HistoryRunPageArgsSchema>

/** Runs, newest first. */
export const HistoryRunPageSchema = z.object({
  runs: z.array(HistoryRunSchema),
  next: HistoryRunCursorSchema.nullable(),
})
export type HistoryRunPage = z.infer<typeof HistoryRunPageSchema>

export const HistoryRunArgsSchema = z.object({
  runId: RunIdSchema,
  /** Continue after this entry id (the last of the previous page); null = the first send. */
  after: z.number().int().nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
})
export type HistoryRunArgs = z.infer<typeof HistoryRunArgsSchema>

/** One run and a page of its sends, in the order they were sent. */
export const HistoryRunDetailSchema = z.object({
  run: HistoryRunSchema,
  entries: z.array(HistorySummarySchema),
  /** Pass as `after` for the next page of sends; null when there is no more. */
  next: z.number().int().nullable(),
})
export type HistoryRunDetail = z.infer<typeof HistoryRunDetailSchema>

export const HistoryRunRefSchema = z.object({ runId: RunIdSchema })

import * as z from 'zod'
import { ChecksSchema } from './assertion'
import { RequestSpecSchema } from './request'
import { RequestErrorSchema } from './requestError'
import { ResponseRecordSchema } from './response'

/** Where a send came from, kept with its history entry. */
export const SendContextSchema = z.object({
  /** Absolute path of the workspace the request belongs to, if any. */
  workspace: z.string().nullable().default(null),
  /** Shown in the history list next to the URL. */
  workspaceName: z.string().nullable().default(null),
  /** The active environment's name, if any. */
  environment: z.string().nullable().default(null),
  /** Path of the saved request in the workspace (e.g. `Users/Get user.request.json`), if saved. */
  requestPath: z.string().nullable().default(null),
  /** The request as edited (before inheritance and variables), to reopen it as it was. */
  edited: RequestSpecSchema.nullable().default(null),
  /** Names of the secret variables: their values are masked in what history keeps. */
  secretNames: z.array(z.string()).default([]),
})
export type SendContext = z.infer<typeof SendContextSchema>

/** One line of the history list. */
export const HistorySummarySchema = z.object({
  id: z.number().int(),
  /** When the request was sent, ms since the epoch. */
  at: z.number(),
  method: z.string(),
  /** The URL as sent (variables resolved, secrets masked). */
  url: z.string(),
  /** HTTP status, or null when a transport error prevented a response. */
  status: z.number().int().nullable(),
  /** The transport error's code when there was no response. */
  errorCode: z.string().nullable(),
  /** Total time, ms; null on error. */
  durationMs: z.number().nullable(),
  /** Response body size, bytes; null on error. */
  sizeBytes: z.number().nullable(),
  workspace: z.string().nullable(),
  workspaceName: z.string().nullable(),
  environment: z.string().nullable(),
  requestPath: z.string().nullable(),
  /** `app` or `cli`. */
  source: z.enum(['app', 'cli']),
  /** Tests run (script tests and assertions), and how many failed; null when none ran. */
  testsTotal: z.number().int().nullable().default(null),
  /** Failed tests, plus one for a script that failed as a whole. */
  testsFailed: z.number().int().nullable().default(null),
  /** The collection run the send was part of (see historyRuns.ts); null for a send on its own. */
  runId: z.string().nullable().default(null),
})
export type HistorySummary = z.infer<typeof HistorySummarySchema>

/** A whole history entry: the request as edited and as sent, and what came back. */
export const HistoryEntrySchema = HistorySummarySchema.extend({
  /** As edited, or null when the sender did not give it (the CLI sends what it sent). */
  edited: RequestSpecSchema.nullable(),
  /** The response, with the request as actually sent in `response.sent`; null on error. */
  response: ResponseRecordSchema.nullable(),
  error: RequestErrorSchema.nullable(),
  /** The request as sent when there was no response (method, URL, headers). */
  sentOnError: z
    .object({
      method: z.string(),
      url: z.string(),
      headers: z.array(z.tuple([z.string(), z.string()])),
    })
    .nullable(),
  /** The request body as sent (secrets masked); null when there was none or it was a file. */
  sentBody: z.string().nullable(),
  /** True when a body was cut at the per-entry limit; `response.body` then holds the start. */
  truncated: z.boolean(),
  /** What the scripts and assertions found (secrets masked); null when none ran. */
  checks: ChecksSchema.nullable().default(null),
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

/** Status families the list can filter by; `error` = no response. */
export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'error'] as const

/** What the history list shows: a search and filters, read a page at a time. */
export const HistoryFilterSchema = z.object({
  /** Words searched in URL, headers and both bodies (full text); empty = everything. */
  text: z.string().max(500).default(''),
  methods: z.array(z.string()).default([]),
  statusClasses: z.array(z.enum(STATUS_CLASSES)).default([]),
  /** Host name, exact (e.g. `api.example.com`). */
  host: z.string().default(''),
  workspace: z.string().nullable().default(null),
  environment: z.string().nullable().default(null),
  requestPath: z.string().nullable().default(null),
  /** Only sends whose tests or scripts failed. */
  failedTests: z.boolean().default(false),
  /**
   * Only sends made on their own, not as part of a collection run: the history panel's
   * unfiltered list, which shows each run as one row of its own instead.
   */
  outsideRuns: z.boolean().default(false),
  /** ms since the epoch, inclusive. */
  from: z.number().nullable().default(null),
  to: z.number().nullable().default(null),
})
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>

/**
 * The filter that shows everything (what HistoryFilterSchema gives `{}`), written out so the
 * renderer can start without building zod schemas (see electron.vite.config.ts).
 */
export function emptyHistoryFilter(): HistoryFilter {
  return {
    text: '',
    methods: [],
    statusClasses: [],
    host: '',
    workspace: null,
    environment: null,
    requestPath: null,
    failedTests: false,
    outsideRuns: false,
    from: null,
    to: null,
  }
}

export const HistoryPageArgsSchema = HistoryFilterSchema.extend({
  /** Continue after this entry (the last of the previous page); null = newest first page. */
  before: z.object({ at: z.number(), id: z.number() }).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
})
export type HistoryPageArgs = z.infer<typeof HistoryPageArgsSchema>

export const HistoryPageSchema = z.object({
  entries: z.array(HistorySummarySchema),
  /** Pass as `before` to read the next page; null when there is no more. */
  next: z.object({ at: z.number(), id: z.number() }).nullable(),
})
export type HistoryPage = z.infer<typeof HistoryPageSchema>

/** How much history to keep; null = no limit. Default: keep everything. */
export const HistoryRetentionSchema = z.object({
  maxDays: z.number().int().min(1).nullable().default(null),
  maxEntries: z.number().int().min(1).nullable().default(null),
  maxMegabytes: z.number().min(1).nullable().default(null),
  /** Bodies above this are cut (and the entry marked truncated), bytes. */
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
})
export type HistoryRetention = z.infer<typeof HistoryRetentionSchema>

import * as z from 'zod'
import {
  HistoryRunArgsSchema,
  HistoryRunDetailSchema,
  HistoryRunPageArgsSchema,
  HistoryRunPageSchema,
  HistoryRunRefSchema,
} from '../model/historyRuns'

/** The calls on collection runs kept in history, spread into the contract's `calls`. */
export const historyRunCalls = {
  /** A page of runs, newest first. */
  'history:runs': { args: HistoryRunPageArgsSchema, result: HistoryRunPageSchema },
  /** One run with a page of its sends, in the order they were sent. */
  'history:run': { args: HistoryRunArgsSchema, result: HistoryRunDetailSchema },
  /** Deletes a run and its sends; returns how many sends. Refused while it still runs. */
  'history:deleteRun': { args: HistoryRunRefSchema, result: z.number() },
} as const

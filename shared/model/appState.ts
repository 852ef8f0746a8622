import * as z from 'zod'
import { DraftRefSchema } from './draftRef'
import { RequestSpecSchema } from './request'
import { VariableRowSchema } from './variables'

/**
 * The current version of the saved app state. 2: big texts are referred to by
 * `bodyDraft`/`baselineDraft`; version 1 put a NUL-prefixed marker in the text itself.
 */
export const APP_STATE_SCHEMA_VERSION = 2

/** One open tab as it is kept across restarts: its draft, and where it is saved if it is. */
export const OpenTabSchema = z.object({
  spec: RequestSpecSchema,
  variables: z.array(VariableRowSchema).default([]),
  saved: z.object({ path: z.string(), name: z.string(), workspace: z.string() }).nullable(),
  /** The draft as last saved, serialised, so unsaved changes stay marked after a restart. */
  baseline: z.string().max(50 * 1024 * 1024),
  /**
   * The body's text is in this draft file, and `spec.body.text` is empty: in a
   * `state:save`, a body unchanged since the save that named the file; in the settings
   * file, every big body. `state:get` always gives the text itself.
   */
  bodyDraft: DraftRefSchema.optional(),
  /** Likewise for `baseline` (in the settings file only). */
  baselineDraft: DraftRefSchema.optional(),
})
export type OpenTab = z.infer<typeof OpenTabSchema>

/**
 * What the app restores at start: the open tabs with their unsaved edits. Secret values
 * and typed credentials are left out when it is written (they are never on disk in clear).
 */
export const AppStateSchema = z.object({
  schemaVersion: z.literal(APP_STATE_SCHEMA_VERSION).default(APP_STATE_SCHEMA_VERSION),
  tabs: z.array(OpenTabSchema).max(200).default([]),
  /** Index of the selected tab. */
  active: z.number().int().min(0).default(0),
})
export type AppState = z.infer<typeof AppStateSchema>

import * as z from 'zod'

/** One variable of a scope (globals, workspace, folder, environment, request). */
export const VariableRowSchema = z.object({
  /** Referenced as `{{name}}`. */
  name: z.string(),
  /** The value; for a secret, empty in every file (the value lives in the secret store). */
  value: z.string(),
  /** A disabled variable is kept but not used. */
  enabled: z.boolean().default(true),
  /** Masked in the UI, kept out of workspace files, exports and history. */
  secret: z.boolean().default(false),
})
export type VariableRow = z.infer<typeof VariableRowSchema>

/** Where a variable's value came from, weakest first. */
export const VARIABLE_SCOPES = ['global', 'workspace', 'folder', 'environment', 'request'] as const
export type VariableScope = (typeof VARIABLE_SCOPES)[number]

/** A resolved variable: its value and the scope that won. */
export interface ScopedValue {
  value: string
  scope: VariableScope
  /** Name of the folder or environment that set it, when there is one. */
  source?: string
  secret: boolean
}

import * as z from 'zod'

/** The calls on local files a request uploads, spread into the contract's `calls`. */
export const fileCalls = {
  /**
   * Confirms a local file for upload by the requests of a workspace (null: outside one),
   * on this machine: after the user picked it in the file dialog, or answered "Always" in
   * the "Upload this file?" dialog. Answers the path as kept (symbolic links resolved).
   */
  'files:allow': {
    args: z.object({
      workspace: z.string().max(4096).nullable(),
      path: z.string().min(1).max(4096),
    }),
    result: z.object({ path: z.string() }),
  },
} as const

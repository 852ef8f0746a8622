import * as z from 'zod'

/** The largest script kept, in characters: far beyond any real collection's. */
const MAX_SCRIPT_CHARS = 1_000_000

/**
 * A request's, folder's or workspace's JavaScript, run in the sandbox. For one send they
 * run workspace -> folders -> request, as Postman runs collection -> folder -> request.
 */
export const ScriptsSchema = z.object({
  /** Before the request is sent: may change it and set variables. */
  preRequest: z.string().max(MAX_SCRIPT_CHARS).default(''),
  /** After the response arrives: `pm.test`, `pm.expect`, variables for the next request. */
  postResponse: z.string().max(MAX_SCRIPT_CHARS).default(''),
})
export type Scripts = z.infer<typeof ScriptsSchema>

/** Which of the two a script is, in results and errors. */
export type ScriptEvent = keyof Scripts

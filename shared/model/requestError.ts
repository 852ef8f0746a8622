import * as z from 'zod'

/** Why a request produced no HTTP response. A 4xx/5xx is a response, never one of these. */
export const RequestErrorCodeSchema = z.enum([
  'INVALID_URL',
  'DNS',
  'REFUSED',
  'RESET',
  'TIMEOUT',
  'TLS',
  'ABORTED',
  'TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'BODY_FILE',
  'INVALID_BODY',
  'INVALID_HEADER',
  'UNRESOLVED_VARIABLES',
  'PROTOCOL',
  /** A pre-request script failed (its error, or a limit): nothing was sent. */
  'SCRIPT',
  'UNKNOWN',
])
export type RequestErrorCode = z.infer<typeof RequestErrorCodeSchema>

/** A transport failure, worded for a tester. */
export const RequestErrorSchema = z.object({
  code: RequestErrorCodeSchema,
  /** What went wrong, naming the thing at fault (host, file, line and column...). */
  message: z.string(),
  /** What to do about it. */
  hint: z.string(),
  /** The low-level cause (e.g. ECONNRESET), for bug reports. */
  cause: z.string().optional(),
})
export type RequestError = z.infer<typeof RequestErrorSchema>

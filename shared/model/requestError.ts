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
  /**
   * The body names a local file the user has not confirmed for upload (it came from an
   * import or a workspace file Courier did not write): nothing was read or sent. `file`
   * names it.
   */
  'FILE_NOT_CONFIRMED',
  'INVALID_BODY',
  'INVALID_HEADER',
  'UNRESOLVED_VARIABLES',
  /**
   * The auth credential (Basic password, Bearer token, API key value) is blank or a
   * {{variable}} without a value: nothing was sent. The message names the field.
   */
  'MISSING_CREDENTIAL',
  /**
   * OAuth 2.0: no access token could be had (the token endpoint refused or failed, the
   * browser sign-in failed or was left): nothing was sent. The message names the endpoint.
   */
  'OAUTH2',
  /** The server's auth challenge (Digest) asks for what Courier cannot answer. */
  'AUTH_CHALLENGE',
  /** A field's {{variables}} expand past the variable size limit (Settings > Requests). */
  'VARIABLE_TOO_LARGE',
  'PROTOCOL',
  /**
   * The proxy failed: unreachable, wants credentials (407), refused the CONNECT tunnel or
   * the SOCKS connection. The message names the proxy (never its password).
   */
  'PROXY',
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
  /** FILE_NOT_CONFIRMED: the absolute path of the file to confirm before it is uploaded. */
  file: z.string().optional(),
})
export type RequestError = z.infer<typeof RequestErrorSchema>

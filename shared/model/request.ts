import * as z from 'zod'
import { AssertionSchema } from './assertion'
import { ScriptsSchema } from './scripts'
import { KeyValueRowSchema } from './keyValue'
import { OAuth2AuthSchema } from './oauth2'

/** An HTTP method: the common ones or any RFC 9110 token (PROPFIND, PURGE, ...). */
export const HttpMethodSchema = z
  .string()
  .regex(
    /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
    "A method is one word of letters, digits or !#$%&'*+.^_`|~-",
  )
export type HttpMethod = z.infer<typeof HttpMethodSchema>

/** The methods offered in pickers, in the order testers expect them. */
export const COMMON_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** A multipart field: either text or a file read from disk when the request is sent. */
export const MultipartPartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    key: z.string(),
    value: z.string(),
    enabled: z.boolean().default(true),
    /** Optional Content-Type of this part. */
    contentType: z.string().optional(),
  }),
  z.object({
    kind: z.literal('file'),
    key: z.string(),
    /** Absolute path of the file; it is streamed, never loaded whole. */
    path: z.string(),
    enabled: z.boolean().default(true),
    /** Content-Type of the part; default application/octet-stream. */
    contentType: z.string().optional(),
  }),
])
export type MultipartPart = z.infer<typeof MultipartPartSchema>

/** The request body, with `requests` semantics per type. */
export const RequestBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** JSON text sent as written; refused before sending when it does not parse. */
  z.object({ type: z.literal('json'), text: z.string() }),
  /** application/x-www-form-urlencoded, like `requests`' `data=`. */
  z.object({ type: z.literal('form'), fields: z.array(KeyValueRowSchema) }),
  /** multipart/form-data with text fields and files. */
  z.object({ type: z.literal('multipart'), parts: z.array(MultipartPartSchema) }),
  /** Text sent as is, with the chosen Content-Type (default text/plain). */
  z.object({
    type: z.literal('raw'),
    text: z.string(),
    contentType: z.string().default('text/plain'),
  }),
  /** A file's bytes streamed from disk. */
  z.object({
    type: z.literal('binary'),
    path: z.string(),
    contentType: z.string().optional(),
  }),
])
export type RequestBody = z.infer<typeof RequestBodySchema>
export type BodyType = RequestBody['type']

/** Authentication attached to the request (for its own host only). */
export const RequestAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** Use the auth of the nearest folder (or the workspace) that sets one. */
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string() }),
  z.object({
    type: z.literal('apikey'),
    /** Header or query parameter name, e.g. `X-API-Key`. */
    key: z.string(),
    value: z.string(),
    /** Where the key goes. */
    in: z.enum(['header', 'query']).default('header'),
  }),
  OAuth2AuthSchema,
  /**
   * HTTP Digest (RFC 7616, MD5 or SHA-256, qop=auth): sent without credentials first, then
   * once more answering the server's 401 challenge.
   */
  z.object({ type: z.literal('digest'), username: z.string(), password: z.string() }),
  /**
   * NTLM (Windows servers, IIS): a Type 1 message goes with the request, the 401's Type 2
   * challenge is answered once with a Type 3 on the same connection. The username may be
   * `DOMAIN\\user`; `domain` and `workstation` may be left blank.
   */
  z.object({
    type: z.literal('ntlm'),
    username: z.string(),
    password: z.string(),
    domain: z.string().default(''),
    workstation: z.string().default(''),
  }),
  /** AWS Signature Version 4: the request as finally sent is signed, its body hash included. */
  z.object({
    type: z.literal('awsv4'),
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
    /** Temporary credentials' token (x-amz-security-token); '' for none. */
    sessionToken: z.string().default(''),
    region: z.string(),
    service: z.string(),
  }),
])
export type RequestAuth = z.infer<typeof RequestAuthSchema>

/** Per-request overrides; a missing field falls back to the app defaults in Settings. */
export const RequestSettingsSchema = z.object({
  /** Whole-exchange timeout in milliseconds (connect to last body byte); 0 = none. */
  timeoutMs: z.number().int().min(0).optional(),
  /** Follow 3xx redirects. */
  followRedirects: z.boolean().optional(),
  /** Most redirects followed before failing with TOO_MANY_REDIRECTS. */
  maxRedirects: z.number().int().min(0).max(100).optional(),
  /** Verify the server's TLS certificate. */
  verifyTls: z.boolean().optional(),
  /** Largest response body accepted, in bytes (after decompression). */
  maxResponseBytes: z.number().int().min(1).optional(),
  /**
   * Send credential headers (Authorization, Cookie, API keys, secret-derived values) on to
   * another origin when a redirect leads there, as curl's --location-trusted. Off: they are
   * sent to the request's own origin only.
   */
  keepCredentialsAcrossOrigins: z.boolean().optional(),
  /**
   * Send the cookie jar's cookies and keep what the response sets (absent: on). Off: the
   * jar is neither read nor written for this request.
   */
  cookies: z.boolean().optional(),
})
export type RequestSettings = z.infer<typeof RequestSettingsSchema>

/** A request as the user edits it; may hold `{{variables}}`. */
export const RequestSpecSchema = z.object({
  method: HttpMethodSchema,
  /** The URL as typed; may include a query, which is kept as written. */
  url: z.string(),
  /** Query rows appended after the URL's own query. */
  params: z.array(KeyValueRowSchema).default([]),
  /** Header rows: casing, order and duplicates kept. */
  headers: z.array(KeyValueRowSchema).default([]),
  body: RequestBodySchema.default({ type: 'none' }),
  auth: RequestAuthSchema.default({ type: 'none' }),
  settings: RequestSettingsSchema.default({}),
  /** Checks on the response, run after the post-response script. Absent: none. */
  assertions: z.array(AssertionSchema).max(500).optional(),
  /** JavaScript run before the request is sent and after the response arrives. Absent: none. */
  scripts: ScriptsSchema.optional(),
})
export type RequestSpec = z.infer<typeof RequestSpecSchema>
/** What callers may pass: defaults are filled in by the schema. */
export type RequestSpecInput = z.input<typeof RequestSpecSchema>

/** A fresh, empty GET request. */
export function emptyRequest(): RequestSpec {
  return {
    method: 'GET',
    url: '',
    params: [],
    headers: [],
    body: { type: 'none' },
    auth: { type: 'none' },
    settings: {},
  }
}

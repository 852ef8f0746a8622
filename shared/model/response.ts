import * as z from 'zod'
import { HeaderListSchema } from './keyValue'
import { TlsConnectionSchema } from './tls'

/** Where the time of one exchange went, in milliseconds. A reused socket reports 0 for DNS, connect and TLS. */
export const TimingsSchema = z.object({
  /** Name lookup. */
  dns: z.number().min(0),
  /** TCP connect, after DNS. */
  connect: z.number().min(0),
  /** TLS handshake, after connect. */
  tls: z.number().min(0),
  /** From the request leaving to the first byte of the response. */
  firstByte: z.number().min(0),
  /** From the first byte to the last byte of the body. */
  download: z.number().min(0),
  /** The whole exchange, redirects included. */
  total: z.number().min(0),
})
export type Timings = z.infer<typeof TimingsSchema>

/** One redirect that was followed. */
export const RedirectHopSchema = z.object({
  /** The 3xx status the server answered. */
  status: z.number().int(),
  /** The URL that answered with the redirect. */
  url: z.string(),
  /** Where it pointed (absolute). */
  location: z.string(),
  /**
   * Names of the credential headers not sent on to `location` because it is another
   * origin (never their values). Absent: nothing was held back.
   */
  strippedHeaders: z.array(z.string()).optional(),
  /**
   * Set when this was no redirect but an auth challenge (a 401) answered by sending the
   * same request again with credentials: the scheme answered, e.g. `Digest`.
   */
  challenge: z.string().optional(),
})
export type RedirectHop = z.infer<typeof RedirectHopSchema>

/** The request as it actually went on the wire (variables resolved, defaults added). */
export const SentRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: HeaderListSchema,
  /** Short description of the body sent (e.g. "JSON, 42 bytes"), never its secrets. */
  bodySummary: z.string(),
})
export type SentRequest = z.infer<typeof SentRequestSchema>

/** A response: any HTTP status, 4xx and 5xx included. */
export const ResponseRecordSchema = z.object({
  status: z.number().int(),
  statusText: z.string(),
  /** "1.1" or "2.0". */
  httpVersion: z.string(),
  /** The final URL after redirects. */
  url: z.string(),
  /** Headers in the order received, every repeated header kept. */
  headers: HeaderListSchema,
  /**
   * The decompressed body: text in `utf8`, anything else in `base64`. When `bodyComplete`
   * is false this is only its start (a preview); the whole body stays on the Node side
   * under `bodyId` and the renderer asks for the lines it shows (`body:*` calls).
   */
  body: z.string(),
  /** False when `body` is a preview of a larger body (see sizes.body for the whole). */
  bodyComplete: z.boolean().default(true),
  /** Where the Node side keeps the whole body for this session; null when nothing is kept. */
  bodyId: z.string().nullable().default(null),
  /**
   * The body is larger than "Max response size": it was received and kept on disk all the
   * same, but is not shown until the limit is raised; it can be saved to a file.
   */
  overLimit: z.boolean().default(false),
  bodyEncoding: z.enum(['utf8', 'base64']),
  /** Media type from Content-Type without parameters, e.g. application/json; '' when absent. */
  mediaType: z.string(),
  /** Charset used to decode text, e.g. utf-8; '' for binary. */
  charset: z.string(),
  sizes: z.object({
    /** Bytes of the status line and headers as received. */
    headers: z.number().int().min(0),
    /** Bytes of the body after decompression. */
    body: z.number().int().min(0),
    /** Bytes of the body as they came over the wire (compressed); equals `body` when not compressed. */
    encodedBody: z.number().int().min(0),
  }),
  redirects: z.array(RedirectHopSchema),
  timings: TimingsSchema,
  sent: SentRequestSchema,
  /** The TLS handshake of the final response's connection; absent for plain HTTP. */
  tls: TlsConnectionSchema.optional(),
})
export type ResponseRecord = z.infer<typeof ResponseRecordSchema>

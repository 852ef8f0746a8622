import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'
import type { BodyStore } from '../bodies/bodyStore'
import type { ExchangeSignal } from './abort'
import { decodeBody, isJsonMediaType, parseContentType, type DecodedBody } from './decodeBody'
import { receiveBody, type ReceivedBody } from './receiveBody'

/** Bodies up to this size travel whole in the ResponseRecord; bigger ones as a preview. */
export const INLINE_BODY_BYTES = 1024 * 1024
/** The start of a bigger body sent along, enough for a first screen and a hex preview. */
export const PREVIEW_BYTES = 64 * 1024

export interface ResponseBodyOptions {
  bodies: BodyStore
  /** Decoded bytes after which receiving stops with TOO_LARGE (protects the disk). */
  hardLimit: number
  /** "Max response size": a JSON body up to it is formatted as it arrives. */
  maxResponseBytes: number
  abort: ExchangeSignal
  /** Bytes received so far, and the Content-Length when the server gave one. */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void
}

/**
 * Receives a response body of any size into the store (bigger than memory goes to disk);
 * over "Max response size" it is kept all the same, not shown, until the user raises the
 * limit or saves it. `headers` are the response's, which say how the body is encoded.
 */
export function receiveResponseBody(
  stream: Readable,
  headers: IncomingHttpHeaders | undefined,
  options: ResponseBodyOptions,
): Promise<ReceivedBody> {
  const declared = Number(headers?.['content-length'])
  const total = Number.isFinite(declared) ? declared : null
  // A big JSON body is formatted as it arrives, ready for when the tester asks.
  const json = isJsonMediaType(parseContentType(headers?.['content-type']).mediaType)
  const pretty = { from: INLINE_BODY_BYTES, upTo: options.maxResponseBytes }
  return receiveBody(stream, {
    contentEncoding: headers?.['content-encoding'],
    writer: options.bodies.createWriter(json ? pretty : undefined),
    hardLimit: options.hardLimit,
    abort: options.abort,
    onProgress: (n) => options.onProgress?.(n, total),
  })
}

/** A received body, kept in the store, with the part of it the ResponseRecord carries. */
export interface KeptResponseBody {
  /** The whole body when `complete`, else the decoded start of it (a preview). */
  decoded: DecodedBody
  complete: boolean
  /** Where the store keeps the whole body. */
  bodyId: string
  /** Bytes after decompression. */
  size: number
  /** Bytes as they came over the wire. */
  wireBytes: number
}

/**
 * Keeps a received body in the store and decodes what travels with the record: the whole
 * body up to INLINE_BODY_BYTES, else its first PREVIEW_BYTES, so the renderer never holds
 * a big body (it reads the rest from the store a window at a time).
 */
export async function keepResponseBody(
  received: ReceivedBody,
  contentType: string | undefined,
  bodies: BodyStore,
): Promise<KeptResponseBody> {
  const { source } = received
  const complete = source.size <= INLINE_BODY_BYTES
  const decoded = complete
    ? decodeBody(await source.read(0, source.size), contentType)
    : decodeBody(await source.read(0, PREVIEW_BYTES), contentType, true)
  const bodyId = bodies.keep(source, decoded.charset)
  return { decoded, complete, bodyId, size: source.size, wireBytes: received.wireBytes }
}

import { once } from 'node:events'
import { Transform, Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib'
import { MemorySource, type ByteSource } from '../bodies/byteSource'
import type { SpoolWriter } from '../bodies/spoolWriter'
import type { ExchangeSignal } from './abort'
import { receivePlainBody } from './receivePlainBody'
import { RequestFailure } from './requestFailure'

/**
 * Progress is told every 64 KB, at most every 50 ms: one event per 64 KB chunk made 1,600
 * renderer updates for 100 MB, which slowed the receiving itself (100 MB: 0.7 -> 0.43 s).
 */
const PROGRESS_STEP = 64 * 1024
const PROGRESS_MS = 50

type Decoder = () => Transform

const decoders = new Map<string, (firstBytes: Buffer | null) => Decoder>([
  ['gzip', () => createGunzip],
  ['x-gzip', () => createGunzip],
  ['br', () => createBrotliDecompress],
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: a zlib
  // header is a CMF byte with method 8 whose 16-bit value with FLG is a multiple of 31.
  ['deflate', (b) => (b && b.length >= 2 && !isZlibHeader(b) ? createInflateRaw : createInflate)],
])

function isZlibHeader(b: Buffer): boolean {
  return (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0
}

export interface ReceiveOptions {
  contentEncoding: string | undefined
  writer: SpoolWriter
  /** Decoded bytes beyond this fail the exchange (a disk-filling stream or bomb). */
  hardLimit: number
  abort: ExchangeSignal
  onProgress: (received: number) => void
}

export interface ReceivedBody {
  source: ByteSource
  /** Bytes as they came over the wire (compressed). */
  wireBytes: number
}

/**
 * Streams a response body into a SpoolWriter, undoing Content-Encoding (gzip, deflate,
 * br; several are applied last-first) on the way, so a body of any size costs a bounded
 * amount of memory and the wire size stays measurable. Unknown encodings are kept as
 * they are. Fails with TOO_LARGE past `hardLimit` and stops on abort.
 */
export async function receiveBody(
  stream: Readable,
  options: ReceiveOptions,
): Promise<ReceivedBody> {
  const codings = (options.contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse()
  if (codings.length === 0) return receiveAsSent(stream, options)
  const firstBytes = codings[0] === 'deflate' ? await peek(stream, options.abort.signal) : null
  const stages: Transform[] = []
  for (const coding of codings) {
    const pick = decoders.get(coding)
    if (!pick) break
    stages.push(pick(stages.length === 0 ? firstBytes : null)())
  }

  let wireBytes = 0
  let reported = 0
  let reportedAt = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      wireBytes += chunk.length
      if (wireBytes - reported >= PROGRESS_STEP && performance.now() - reportedAt >= PROGRESS_MS) {
        reported = wireBytes
        reportedAt = performance.now()
        options.onProgress(wireBytes)
      }
      done(null, chunk)
    },
  })
  let decodeFailed: string | null = null
  stages.forEach((stage, i) =>
    stage.once('error', (error: Error) => {
      // Streams torn down by the sink's own failure or by abort see that error too.
      if (!(error instanceof RequestFailure) && error.name !== 'AbortError')
        decodeFailed ??= codings[i]!
    }),
  )
  const { writer } = options
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (writer.size + chunk.length > options.hardLimit) {
        done(tooLargeToReceive(options.hardLimit))
        return
      }
      writer.write(chunk).then(
        () => done(),
        (error: NodeJS.ErrnoException) => done(cannotKeep(error, writer.size)),
      )
    },
  })
  try {
    await pipeline([stream, counter, ...stages, sink], { signal: options.abort.signal })
  } catch (error) {
    await writer.abort()
    if (error instanceof RequestFailure) throw error
    // An empty body marked as compressed is just empty.
    if (decodeFailed && wireBytes === 0)
      return { source: new MemorySource(Buffer.alloc(0)), wireBytes }
    if (decodeFailed) {
      throw new RequestFailure(
        'PROTOCOL',
        `The response says it is ${decodeFailed}-compressed, but its body could not be decompressed.`,
        'The server sent a damaged body. Retry, or request it without compression by sending "Accept-Encoding: identity".',
      )
    }
    throw error
  }
  return { source: await writer.finish(), wireBytes }
}

/** A body without Content-Encoding: no decoder, no pipeline (see receivePlainBody). */
async function receiveAsSent(stream: Readable, options: ReceiveOptions): Promise<ReceivedBody> {
  const { writer, hardLimit } = options
  let reported = 0
  let reportedAt = 0
  try {
    const wireBytes = await receivePlainBody(stream, {
      writer,
      abort: options.abort,
      onChunk: (received) => {
        if (received - reported < PROGRESS_STEP || performance.now() - reportedAt < PROGRESS_MS)
          return
        reported = received
        reportedAt = performance.now()
        options.onProgress(received)
      },
      overLimit: (length) =>
        writer.size + length > hardLimit ? tooLargeToReceive(hardLimit) : null,
      cannotKeep: (error) => cannotKeep(error, writer.size),
    })
    return { source: await writer.finish(), wireBytes }
  } catch (error) {
    await writer.abort()
    throw error
  }
}

/** The first bytes of a stream, put back so the pipeline still reads them. */
async function peek(stream: Readable, signal: AbortSignal): Promise<Buffer | null> {
  let chunk = stream.read() as Buffer | null
  let ended = false
  stream.once('end', () => (ended = true))
  while (chunk === null && !ended && !stream.readableEnded) {
    // 'readable' also fires at the end of an empty stream, when read() gives null.
    await once(stream, 'readable', { signal })
    chunk = stream.read() as Buffer | null
    if (chunk === null) break
  }
  if (chunk) stream.unshift(chunk)
  return chunk
}

/** The temporary file could not be written: say so, rather than "unknown error". */
function cannotKeep(error: NodeJS.ErrnoException, received: number): RequestFailure {
  const mb = `${(received / 1024 / 1024).toFixed(1)} MB`
  if (error.code === 'ENOSPC') {
    return new RequestFailure(
      'TOO_LARGE',
      `The disk is full: Courier could not keep this response body (${mb} received).`,
      'Free some disk space and send the request again.',
    )
  }
  return new RequestFailure(
    'UNKNOWN',
    `Courier could not write this response body to its temporary folder (${error.code ?? error.message}${error.path ? `: ${error.path}` : ''}).`,
    'Check that the data folder is writable and not full, then send the request again.',
  )
}

export function tooLargeToReceive(limit: number): RequestFailure {
  return new RequestFailure(
    'TOO_LARGE',
    `Courier stopped receiving this response at ${(limit / 1024 ** 3).toFixed(0)} GiB, to protect your disk.`,
    'Download a body this big with a tool that writes straight to a file, e.g. `curl -o body.bin URL`.',
  )
}

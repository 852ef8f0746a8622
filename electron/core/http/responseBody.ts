import type { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib'
import { RequestFailure } from './requestFailure'

const PROGRESS_STEP = 64 * 1024

const inflaters: Record<string, (bytes: Buffer, maxOutputLength: number) => Promise<Buffer>> = {
  gzip: (b, max) => promisify(gunzip)(b, { maxOutputLength: max }),
  'x-gzip': (b, max) => promisify(gunzip)(b, { maxOutputLength: max }),
  br: (b, max) => promisify(brotliDecompress)(b, { maxOutputLength: max }),
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
  deflate: (b, max) =>
    promisify(inflate)(b, { maxOutputLength: max }).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ERR_BUFFER_TOO_LARGE'
        ? Promise.reject(error)
        : promisify(inflateRaw)(b, { maxOutputLength: max }),
    ),
}

export function tooLarge(size: number, cap: number): RequestFailure {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
  return new RequestFailure(
    'TOO_LARGE',
    `The response body is larger than the ${mb(cap)} limit${size > cap ? ` (${mb(size)} announced)` : ''}.`,
    'Raise "Max response size" in the request Settings if you need the whole body.',
  )
}

/**
 * Undoes Content-Encoding (gzip, deflate, br; several are applied last-first). We inflate
 * ourselves rather than letting axios do it, so the wire size stays measurable and the size
 * cap also holds for the inflated body (a small compressed bomb cannot fill memory).
 * Unknown encodings are left as they are.
 */
export async function decompressBody(
  bytes: Buffer,
  contentEncoding: string | undefined,
  cap: number,
): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse()
  let out = bytes
  for (const coding of codings) {
    const inflater = Object.hasOwn(inflaters, coding) ? inflaters[coding] : undefined
    if (!inflater || out.length === 0) return out
    try {
      out = await inflater(out, cap)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(0, cap)
      throw new RequestFailure(
        'PROTOCOL',
        `The response says it is ${coding}-compressed, but its body could not be decompressed.`,
        'The server sent a damaged body. Retry, or request it without compression by sending "Accept-Encoding: identity".',
      )
    }
  }
  return out
}

/** Reads a body stream to the end, failing with TOO_LARGE past the cap and stopping on abort. */
export function readCapped(
  stream: Readable,
  cap: number,
  signal: AbortSignal,
  onProgress: (received: number) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    let reported = 0
    const onAbort = () => {
      stream.destroy()
      reject(new Error('aborted'))
    }
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > cap) {
        signal.removeEventListener('abort', onAbort)
        stream.destroy()
        reject(tooLarge(received, cap))
        return
      }
      chunks.push(chunk)
      if (received - reported >= PROGRESS_STEP) {
        reported = received
        onProgress(received)
      }
    })
    stream.once('end', () => {
      signal.removeEventListener('abort', onAbort)
      resolve(Buffer.concat(chunks, received))
    })
    stream.once('error', (error) => {
      signal.removeEventListener('abort', onAbort)
      reject(error)
    })
  })
}

import type { Readable } from 'node:stream'
import type { SpoolWriter } from '../bodies/spoolWriter'
import type { ExchangeSignal } from './abort'

/** What receiving a body without Content-Encoding needs from receiveBody. */
export interface PlainReceive {
  writer: SpoolWriter
  abort: ExchangeSignal
  /** Called with the bytes received so far after each chunk. */
  onChunk: (wireBytes: number) => void
  /** The failure for a chunk that would take the body past the hard limit; null while under it. */
  overLimit: (chunkLength: number) => Error | null
  /** The failure for a write the writer could not do. */
  cannotKeep: (error: NodeJS.ErrnoException) => Error
}

/**
 * Reads a body sent as is (no Content-Encoding, nearly every API response) into the writer
 * with plain stream events, one write at a time, the stream paused while a write is on
 * disk. stream.pipeline does the same, but per response it costs an AbortController, a
 * DOMException and two stream wrappers: about a fifth of a small exchange's CPU time.
 * Resolves with the bytes received; rejects with the stream's error, the abort's reason,
 * or a failure from `overLimit`/`cannotKeep`.
 */
export function receivePlainBody(stream: Readable, options: PlainReceive): Promise<number> {
  const { writer, abort } = options
  return new Promise<number>((resolve, reject) => {
    let wireBytes = 0
    let settled = false
    let lastWrite: Promise<void> = Promise.resolve()

    const settle = (error?: unknown) => {
      if (settled) return
      settled = true
      abort.removeEventListener('abort', onAbort)
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('close', onClose)
      if (error === undefined) {
        resolve(wireBytes)
        return
      }
      stream.destroy()
      reject(error)
    }
    const onAbort = () => settle(abort.reason ?? new Error('The exchange was aborted.'))
    const onData = (chunk: Buffer) => {
      wireBytes += chunk.length
      options.onChunk(wireBytes)
      const tooLarge = options.overLimit(chunk.length)
      if (tooLarge) {
        settle(tooLarge)
        return
      }
      stream.pause()
      lastWrite = writer.write(chunk).then(
        () => {
          if (!settled) stream.resume()
        },
        (error: NodeJS.ErrnoException) => settle(options.cannotKeep(error)),
      )
    }
    // The end can come while the last chunk is still being written.
    const onEnd = () => void lastWrite.then(() => settle())
    // Closed before its end without an error event: the connection went away mid-body.
    const onClose = () => {
      if (!stream.readableEnded) settle(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))
    }

    if (abort.aborted) {
      onAbort()
      return
    }
    abort.addEventListener('abort', onAbort)
    // Stays attached once settled: an error after the end must not go unhandled.
    stream.on('error', settle)
    stream.on('data', onData)
    stream.on('end', onEnd)
    stream.on('close', onClose)
  })
}

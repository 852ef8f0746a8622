import { FileSource, MemorySource, type ByteSource } from './byteSource'
import type { PrettyFailure } from './prettyJson'

/** Bytes handed between threads: a file by its path, or the bytes themselves. */
export type SourceRef =
  { kind: 'file'; path: string; size: number } | { kind: 'memory'; bytes: Uint8Array }

/** Where a job's output spools, and how much it may hold in memory first. */
export interface PrettyOutput {
  dir: string
  memoryLimit: number
}

/**
 * What the worker is sent. A job formats a whole source; or is fed: opened, sent the
 * body's bytes as they arrive, then ended, with the rest to read from the finished
 * source when the feed fell behind (see PrettyFeed in prettyInWorker.ts); or filters a
 * whole source with JSONPath.
 */
export type PrettyJob = { id: number } & (
  | ({ type: 'source'; source: SourceRef } & PrettyOutput)
  | ({ type: 'open' } & PrettyOutput)
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'end'; rest: { source: SourceRef; from: number } | null }
  | { type: 'cancel' }
  /** A JSONPath filter of a whole source (jsonPathFilter.ts), its result written to output. */
  | ({ type: 'filter'; source: SourceRef; expression: string } & PrettyOutput)
)

/** What the pretty worker posts back, for the job with that id. */
export type PrettyMessage = { id: number } &
  /** Input bytes formatted so far. */
  (
    | { type: 'progress'; taken: number }
    | { type: 'invalid'; failure: PrettyFailure }
    | {
        type: 'done'
        text: SourceRef
        lineStarts: Float64Array
        foldEnds: Int32Array
        parents: Int32Array
      }
    | { type: 'failed'; message: string }
    /** A filter's result: how many values matched, and their JSON array. */
    | { type: 'filtered'; count: number; text: SourceRef }
  )

export function refOf(source: ByteSource): SourceRef {
  if (source instanceof FileSource) return { kind: 'file', path: source.path, size: source.size }
  if (source instanceof MemorySource) return { kind: 'memory', bytes: source.buffer }
  throw new Error('Unknown byte source')
}

export function sourceOf(ref: SourceRef): FileSource | MemorySource {
  return ref.kind === 'file'
    ? new FileSource(ref.path, ref.size)
    : new MemorySource(Buffer.from(ref.bytes.buffer, ref.bytes.byteOffset, ref.bytes.byteLength))
}

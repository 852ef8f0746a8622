import type { BodySyntaxError } from '../../../shared/model/body'
import { FileSource, MemorySource, type ByteSource } from './byteSource'

/** Bytes handed between threads: a file by its path, or the bytes themselves. */
export type SourceRef =
  { kind: 'file'; path: string; size: number } | { kind: 'memory'; bytes: Uint8Array }

/** One body to pretty-print, sent to the worker. */
export interface PrettyJob {
  id: number
  source: SourceRef
  /** Where its output spools, and how much it may hold in memory first. */
  dir: string
  memoryLimit: number
}

/** What the pretty worker posts back, for the job with that id. */
export type PrettyMessage = { id: number } & (
  | { type: 'progress'; done: number }
  | { type: 'invalid'; error: BodySyntaxError }
  | {
      type: 'done'
      text: SourceRef
      lineStarts: Float64Array
      foldEnds: Int32Array
      parents: Int32Array
    }
  | { type: 'failed'; message: string }
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

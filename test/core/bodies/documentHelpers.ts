import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileSource, MemorySource, type ByteSource } from '../../../electron/core/bodies/byteSource'
import type { LineDocument } from '../../../electron/core/bodies/lineDocument'

export interface DocumentOptions {
  /**
   * Byte offsets where a long line is cut into rows, as the raw view does: the row
   * before the cut has no line break of its own.
   */
  cuts?: number[]
  decoder?: (bytes: Buffer) => string
}

const utf8 = (bytes: Buffer) => bytes.toString('utf8')

/** Line starts per the LineDocument contract: one per line (or cut), then size + 1. */
export function lineStartsOf(bytes: Buffer, cuts: number[] = []): Float64Array {
  const starts = [0]
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts.push(i + 1)
  starts.push(...cuts)
  starts.sort((a, b) => a - b)
  starts.push(bytes.length + 1)
  return Float64Array.from(starts)
}

function documentOf(text: ByteSource, bytes: Buffer, options: DocumentOptions): LineDocument {
  const lineStarts = lineStartsOf(bytes, options.cuts)
  return {
    text,
    lineCount: lineStarts.length - 1,
    lineStarts,
    decoder: options.decoder ?? utf8,
  }
}

/** `text` (utf-8) as a document kept in memory. */
export function memoryDocument(text: string | Buffer, options: DocumentOptions = {}): LineDocument {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  return documentOf(new MemorySource(bytes), bytes, options)
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'courier-bodies-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** `text` (utf-8) as a document spooled to a file in `dir`. */
export function fileDocument(
  text: string | Buffer,
  dir: string,
  options: DocumentOptions = {},
): LineDocument {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  const path = join(dir, `doc-${Math.random().toString(36).slice(2)}.txt`)
  writeFileSync(path, bytes)
  return documentOf(new FileSource(path, bytes.length), bytes, options)
}

/** Everything a source holds, as utf-8 text. */
export async function readAllText(source: ByteSource): Promise<string> {
  return (await source.read(0, source.size)).toString('utf8')
}

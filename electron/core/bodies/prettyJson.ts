import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { BodySyntaxError } from '../../../shared/model/body'
import { chunksOf, type ByteSource } from './byteSource'
import type { LineDocument } from './lineDocument'
import type { SpoolWriter } from './spoolWriter'
import { CHUNK, EMPTY, BOM, R } from './jsonGrammar'
import { Printer } from './jsonPrinter'

export interface PrettyJsonOptions {
  /** Where the pretty text goes (the caller passes a fresh SpoolWriter). */
  out: SpoolWriter
  /** Decoder for lines (the caller's; utf-8). */
  decoder: (bytes: Buffer) => string
  signal?: AbortSignal
  /** Called with 0..1 now and then (at most every ~4 MB of input). */
  onProgress?: (done: number) => void
  /** Bytes read at a time; tests make it tiny so that tokens span chunks. */
  chunkBytes?: number
}
export type PrettyJsonResult =
  { ok: true; doc: LineDocument } | { ok: false; error: BodySyntaxError }

/**
 * Re-indents JSON exactly as formatJson does, streaming over bytes. It validates as it goes
 * and reports the first error where jsonc-parser (findJsonProblem) does, and it indexes the
 * lines it writes: a line's parent is the innermost block it is in (a closing line is in
 * the block it closes, so its parent is that block's first line).
 */
export async function prettyPrintJson(
  source: ByteSource,
  options: PrettyJsonOptions,
): Promise<PrettyJsonResult> {
  const { out, signal, onProgress } = options
  const p = new Printer()
  try {
    signal?.throwIfAborted()
    // A UTF-8 byte order mark is skipped: RFC 8259 allows it, and TextDecoder drops it too.
    if ((await source.read(0, 3)).equals(BOM)) p.skip = p.lineAt = 3
    let reported = 0
    for await (const chunk of chunksOf(source, options.chunkBytes ?? CHUNK)) {
      p.feed(chunk, false)
      await p.drain(out)
      if (p.err) break
      if (onProgress && p.base - reported >= CHUNK) onProgress((reported = p.base) / source.size)
      // Between chunks the process answers other calls, and a cancel lands.
      await yieldToEventLoop()
      signal?.throwIfAborted()
    }
    if (!p.err) p.feed(EMPTY, true)
    if (p.err) {
      await out.abort()
      const { at, reason } = p.err
      const column = reason === R.empty ? 1 : await columnOf(source, p.lineAt, at)
      return { ok: false, error: { line: reason === R.empty ? 1 : p.line, column, reason } }
    }
    p.seal()
    await p.drain(out)
    const text = await out.finish()
    const lineCount = p.lineStarts.length
    p.lineStarts.push(text.size + 1)
    onProgress?.(1)
    const [foldEnds, parents] = [p.foldEnds.toArray(), p.parents.toArray()]
    const doc = { text, lineCount, lineStarts: p.lineStarts.toArray(), foldEnds, parents }
    return { ok: true, doc: { ...doc, decoder: options.decoder } }
  } catch (error) {
    await out.abort()
    throw error
  }
}

/** 1 + the UTF-16 units in bytes [from, to): columns count characters, as the small-body path does. */
async function columnOf(source: ByteSource, from: number, to: number): Promise<number> {
  let units = 1
  for (let at = from; at < to; at += CHUNK) {
    const bytes = await source.read(at, Math.min(to, at + CHUNK))
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1
    }
  }
  return units
}

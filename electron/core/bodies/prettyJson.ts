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

/** Where and why the input stopped being JSON; `syntaxErrorOf` turns it into line and column. */
export interface PrettyFailure {
  /** Byte offset of the error, of the start of its line, and that line (1-based). */
  at: number
  lineAt: number
  line: number
  reason: string
}

/** A pretty view as built, before a decoder is given to it. */
export type PrettyEnd =
  { ok: true; doc: Omit<LineDocument, 'decoder'> } | { ok: false; failure: PrettyFailure }

/**
 * Re-indents JSON exactly as formatJson does, fed a chunk at a time in input order, so it
 * can run while the body is still arriving. It validates as it goes and fails where
 * jsonc-parser (findJsonProblem) does, and it indexes the lines it writes: a line's parent
 * is the innermost block it is in (a closing line is in the block it closes, so its parent
 * is that block's first line).
 */
export class PrettyJsonStream {
  private readonly p = new Printer()
  /** The first bytes, held until there are enough to tell a byte order mark (then null). */
  private head: Buffer | null = EMPTY

  constructor(private readonly out: SpoolWriter) {}

  /** Input bytes formatted so far. */
  get taken(): number {
    return this.p.base
  }

  /** True once the input is known not to be JSON: later bytes are not read. */
  get failed(): boolean {
    return this.p.err !== null
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failed || chunk.length === 0) return
    if (this.head) {
      chunk = this.head.length ? Buffer.concat([this.head, chunk]) : chunk
      if (chunk.length < BOM.length) {
        this.head = chunk
        return
      }
      this.head = null
      // A UTF-8 byte order mark is skipped: RFC 8259 allows it, and TextDecoder drops it too.
      if (chunk.subarray(0, BOM.length).equals(BOM)) this.p.skip = this.p.lineAt = BOM.length
    }
    this.p.feed(chunk, false)
    await this.p.drain(this.out)
  }

  /** The whole input was written: the pretty text and its index, or where it failed. */
  async end(): Promise<PrettyEnd> {
    const p = this.p
    if (this.head?.length) p.feed(this.head, false)
    this.head = null
    if (!p.err) p.feed(EMPTY, true)
    if (p.err) {
      await this.out.abort()
      return { ok: false, failure: { ...p.err, lineAt: p.lineAt, line: p.line } }
    }
    p.seal()
    await p.drain(this.out)
    const text = await this.out.finish()
    const lineCount = p.lineStarts.length
    p.lineStarts.push(text.size + 1)
    const [lineStarts, foldEnds, parents] = [
      p.lineStarts.toArray(),
      p.foldEnds.toArray(),
      p.parents.toArray(),
    ]
    return { ok: true, doc: { text, lineCount, lineStarts, foldEnds, parents } }
  }

  /** Drops what was written (cancelled, or failed elsewhere). */
  abort(): Promise<void> {
    return this.out.abort()
  }
}

/** A pretty view of a whole source, read in chunks (see PrettyJsonStream). */
export async function prettyPrintJson(
  source: ByteSource,
  options: PrettyJsonOptions,
): Promise<PrettyJsonResult> {
  const { signal, onProgress } = options
  const stream = new PrettyJsonStream(options.out)
  try {
    signal?.throwIfAborted()
    let reported = 0
    for await (const chunk of chunksOf(source, options.chunkBytes ?? CHUNK)) {
      await stream.write(chunk)
      if (stream.failed) break
      if (onProgress && stream.taken - reported >= CHUNK)
        onProgress((reported = stream.taken) / source.size)
      // Between chunks the process answers other calls, and a cancel lands.
      await yieldToEventLoop()
      signal?.throwIfAborted()
    }
    const end = await stream.end()
    if (!end.ok) return { ok: false, error: await syntaxErrorOf(source, end.failure) }
    onProgress?.(1)
    return { ok: true, doc: { ...end.doc, decoder: options.decoder } }
  } catch (error) {
    await stream.abort()
    throw error
  }
}

/** The line, column and words of a failure, as the small-body path reports them. */
export async function syntaxErrorOf(
  source: ByteSource,
  { at, lineAt, line, reason }: PrettyFailure,
): Promise<BodySyntaxError> {
  if (reason === R.empty) return { line: 1, column: 1, reason }
  return { line, column: await columnOf(source, lineAt, at), reason }
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

import type { ByteSource } from './byteSource'

/**
 * A text kept on the Node side with the byte offset of every line, so any run of lines
 * is read without scanning what comes before it. `lineStarts` has `lineCount + 1`
 * entries: line i starts at lineStarts[i] and ends before its line break at
 * lineStarts[i + 1] - 1; the last entry is `text.size + 1`, as if the text ended with a
 * line break. A row cut out of a long raw line has no break: it ends at lineStarts[i + 1].
 */
export interface LineDocument {
  readonly text: ByteSource
  readonly lineCount: number
  readonly lineStarts: Float64Array
  /**
   * Pretty JSON only: for each line, the last line of the object or array it opens,
   * or -1; and the line that opens the object or array the line is in, or -1 at the top.
   */
  readonly foldEnds?: Int32Array
  readonly parents?: Int32Array
  /** Decodes bytes of `text` (utf-8 unless the body declared another charset). */
  readonly decoder: (bytes: Buffer) => string
}

/** Lines [from, from + count) of a document, without their line breaks. */
export async function readLines(doc: LineDocument, from: number, count: number): Promise<string[]> {
  const first = Math.max(0, Math.min(from, doc.lineCount))
  const last = Math.min(doc.lineCount, first + count)
  if (last <= first) return []
  const start = doc.lineStarts[first]!
  const end = Math.min(doc.lineStarts[last]!, doc.text.size)
  const bytes = await doc.text.read(start, end)
  const lines: string[] = []
  for (let i = first; i < last; i++) {
    const a = doc.lineStarts[i]! - start
    // A row cut from a long line has no line break of its own: it ends where the next starts.
    const nextStart = doc.lineStarts[i + 1]! - start
    const b = i + 1 < doc.lineCount && !endsWithBreak(bytes, nextStart) ? nextStart : nextStart - 1
    lines.push(stripCr(doc.decoder(bytes.subarray(a, b))))
  }
  return lines
}

function endsWithBreak(bytes: Buffer, nextStart: number): boolean {
  return bytes[nextStart - 1] === 10
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

/**
 * Grows a typed array by doubling while an index is being built. One class per array
 * type on purpose: `push` runs once per line (millions of times) and stays monomorphic,
 * where a generic class would see two array kinds at the same call site.
 */
export class GrowableFloat64 {
  private data = new Float64Array(1024)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
  /** The values pushed, trimmed to length (a copy, so the spare capacity is freed). */
  toArray(): Float64Array {
    return this.data.slice(0, this.length)
  }
}

export class GrowableInt32 {
  private data = new Int32Array(1024)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
  set(index: number, value: number): void {
    this.data[index] = value
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length)
  }
}

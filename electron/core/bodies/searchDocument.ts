import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import {
  MAX_SEARCH_COUNT,
  MAX_SEARCH_MATCHES,
  type BodySearchMatch,
  type BodySearchResult,
} from '../../../shared/model/body'
import type { LineDocument } from './lineDocument'

/** How much a search lists, counts and reads at a time (tests shrink them). */
export interface SearchLimits {
  /** Matches listed in the result. */
  matches: number
  /** Matches counted before the search stops and reports `capped`. */
  count: number
  /** Lines read and scanned as one string. */
  blockLines: number
  /** Bytes of text read at once, so blocks of long rows stay small too. */
  blockBytes: number
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  matches: MAX_SEARCH_MATCHES,
  count: MAX_SEARCH_COUNT,
  blockLines: 20_000,
  blockBytes: 4 * 1024 * 1024,
}

/**
 * A run of lines decoded as one string: lines joined with '\n', rows cut from a longer
 * line joined to the next without one. `starts[k]` is where line k begins in `text`;
 * `starts[n]` is just past the end, as if every line but a cut one ended with a break.
 */
interface Block {
  /** Index of the first line in the document. */
  first: number
  text: string
  /** 1 for a row cut from a longer line (the next row continues it), else 0. */
  continues: Uint8Array
  starts: Float64Array
}

/**
 * Finds `query` as plain text (not a pattern) in every line of `doc`.
 *
 * The document is scanned in blocks: the lines of a block are joined into one string
 * and one global RegExp runs over it, which is far faster than searching line by line;
 * each match is mapped back to its line by a binary search over the line starts.
 * Lines are joined with '\n', which no query can match (a query containing a line break
 * finds nothing: a match never spans lines). Rows cut from one long line (the raw view)
 * are joined without a separator, so a match running across a cut is still found; it is
 * reported on the row where it starts, its length cut at that row's end.
 */
export async function searchDocument(
  doc: LineDocument,
  query: string,
  options: { caseSensitive: boolean; signal?: AbortSignal },
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
): Promise<BodySearchResult> {
  const { signal } = options
  signal?.throwIfAborted()
  const result: BodySearchResult = { matches: [], total: 0, capped: false }
  if (query.length === 0 || query.includes('\n')) return result

  // 'u' makes the case-insensitive comparison use Unicode case folding, so letters
  // outside ASCII and outside the BMP match their other case (one letter for one: 'ß'
  // does not match 'SS'); it also keeps a match from starting inside a surrogate pair.
  const pattern = new RegExp(escapeRegExp(query), options.caseSensitive ? 'gu' : 'giu')
  // Rows at the end of the previous block that continue into this one, searched again
  // so a match crossing the block boundary is found (see `scanBlock`).
  let carry: Block | null = null
  // Where the previous scan stood after its last match, relative to the carried rows.
  let resumeAt = 0

  for (let from = 0; from < doc.lineCount;) {
    const block = await readBlock(doc, from, blockSize(doc, from, limits))
    from += block.continues.length
    const joined = carry ? joinBlocks(carry, block) : block
    const lastEnd = scanBlock(joined, resumeAt, pattern, result, limits)
    if (result.capped || from >= doc.lineCount) break
    const next = nextCarry(joined, lastEnd, query.length)
    carry = next.carry
    resumeAt = next.resumeAt
    // Let other requests and IPC through between blocks; a search may take a while.
    await yieldToEventLoop()
    signal?.throwIfAborted()
  }
  return result
}

/** Escapes every character a RegExp gives a meaning to (all valid escapes under 'u'). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** How many lines from `from` fit in one block: at most blockLines and about blockBytes. */
function blockSize(doc: LineDocument, from: number, limits: SearchLimits): number {
  const last = Math.min(doc.lineCount, from + limits.blockLines)
  const byteLimit = doc.lineStarts[from]! + limits.blockBytes
  if (doc.lineStarts[last]! <= byteLimit) return last - from
  // Largest end in (from, last] whose start offset is within the byte budget; at least one line.
  let lo = from + 1
  let hi = last
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (doc.lineStarts[mid]! <= byteLimit) lo = mid
    else hi = mid - 1
  }
  return lo - from
}

/**
 * Lines [from, from + count) as one Block, decoded exactly as `readLines` decodes each
 * line (readLines itself hides which rows are cut, and calling the decoder once per
 * line costs more than the search itself). Runs of whole lines are decoded at once and
 * split at their '\n's; a segment whose '\n's do not match its line count (a decoder
 * that is not ASCII-compatible) is decoded line by line instead.
 */
async function readBlock(doc: LineDocument, from: number, count: number): Promise<Block> {
  const lineStarts = doc.lineStarts
  const base = lineStarts[from]!
  const bytes = await doc.text.read(base, Math.min(lineStarts[from + count]!, doc.text.size))
  const continues = new Uint8Array(count)
  const starts = new Float64Array(count + 1)
  const pieces: string[] = []
  let length = 0
  let segment = 0
  for (let k = 0; k < count; k++) {
    const next = lineStarts[from + k + 1]! - base
    const cut = from + k + 1 < doc.lineCount && bytes[next - 1] !== 10
    continues[k] = cut ? 1 : 0
    // A segment runs to a cut row or to the block's end; segments join without a separator.
    if (!cut && k + 1 < count) continue
    const end = cut ? next : next - 1
    const rows = { first: segment, last: k, offset: length }
    const text =
      decodeSegment(doc, bytes.subarray(lineStarts[from + segment]! - base, end), rows, starts) ??
      decodeRows(doc, bytes, from, base, rows, starts)
    pieces.push(text)
    length += text.length
    segment = k + 1
  }
  starts[count] = length + (continues[count - 1] ? 0 : 1)
  return {
    first: from,
    text: pieces.length === 1 ? pieces[0]! : pieces.join(''),
    continues,
    starts,
  }
}

interface Rows {
  first: number
  last: number
  /** Where the segment begins in the block's text. */
  offset: number
}

/** Decodes whole lines at once and records where each begins; null if the '\n's don't add up. */
function decodeSegment(
  doc: LineDocument,
  bytes: Buffer,
  rows: Rows,
  starts: Float64Array,
): string | null {
  let text = doc.decoder(bytes)
  // readLines drops one '\r' before each line's end; removing it here keeps columns equal.
  if (text.includes('\r')) {
    text = text.replace(/\r\n/g, '\n')
    if (text.endsWith('\r')) text = text.slice(0, -1)
  }
  starts[rows.first] = rows.offset
  let at = -1
  for (let k = rows.first + 1; k <= rows.last; k++) {
    at = text.indexOf('\n', at + 1)
    if (at === -1) return null
    starts[k] = rows.offset + at + 1
  }
  return text.indexOf('\n', at + 1) === -1 ? text : null
}

/** The slow path of decodeSegment: one decoder call per line, as readLines does it. */
function decodeRows(
  doc: LineDocument,
  bytes: Buffer,
  from: number,
  base: number,
  rows: Rows,
  starts: Float64Array,
): string {
  const lines: string[] = []
  let at = rows.offset
  for (let k = rows.first; k <= rows.last; k++) {
    const a = doc.lineStarts[from + k]! - base
    const next = doc.lineStarts[from + k + 1]! - base
    // Only the segment's last row can be cut; the others end with a line break.
    const line = doc.decoder(
      bytes.subarray(a, k === rows.last && bytes[next - 1] !== 10 ? next : next - 1),
    )
    lines.push(line.endsWith('\r') ? line.slice(0, -1) : line)
    starts[k] = at
    at += lines[lines.length - 1]!.length + 1
  }
  return lines.join('\n')
}

/** The carried rows followed by the new block, as one block. */
function joinBlocks(carry: Block, block: Block): Block {
  const n = carry.continues.length
  const continues = new Uint8Array(n + block.continues.length)
  continues.set(carry.continues)
  continues.set(block.continues, n)
  const starts = new Float64Array(continues.length + 1)
  starts.set(carry.starts.subarray(0, n))
  for (let k = 0; k < block.starts.length; k++) starts[n + k] = block.starts[k]! + carry.text.length
  return { first: carry.first, text: carry.text + block.text, continues, starts }
}

/**
 * Runs `pattern` over the block and records its matches in `result`; returns where the
 * scan stood after its last match.
 *
 * Carried rows at the block's start were already scanned as the previous block's tail.
 * Scanning resumes at `resumeAt`, where that scan stood after its last match: from there
 * it proceeds exactly as one long scan would, so it finds again no match the previous
 * block counted (any match ending within the carried rows was found then, and moved
 * `resumeAt` past itself) and decides overlapping candidates the same way.
 */
function scanBlock(
  block: Block,
  resumeAt: number,
  pattern: RegExp,
  result: BodySearchResult,
  limits: SearchLimits,
): number {
  const { text } = block
  let lastEnd = resumeAt
  pattern.lastIndex = resumeAt
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const end = m.index + m[0].length
    lastEnd = end
    if (result.total >= limits.count) {
      result.capped = true
      break
    }
    result.total++
    if (result.matches.length < limits.matches) {
      result.matches.push(locate(block, m.index, end))
    }
  }
  return lastEnd
}

/** The line and column of a match at [index, end) of the block, cut at its line's end. */
function locate(block: Block, index: number, end: number): BodySearchMatch {
  const { starts, continues } = block
  let lo = 0
  let hi = continues.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid]! <= index) lo = mid
    else hi = mid - 1
  }
  const lineEnd = continues[lo] ? starts[lo + 1]! : starts[lo + 1]! - 1
  return {
    line: block.first + lo,
    column: index - starts[lo]!,
    length: Math.min(end, lineEnd) - index,
  }
}

/**
 * The rows at the end of `block` that a match continuing into the next block could start
 * in: only when the last row is cut (a line break ends any match), and only enough of
 * them to hold a match (twice the query length, as case folding may change lengths).
 */
function nextCarry(
  block: Block,
  lastEnd: number,
  queryLength: number,
): { carry: Block | null; resumeAt: number } {
  const { continues, starts, text } = block
  const n = continues.length
  if (!continues[n - 1]) return { carry: null, resumeAt: 0 }
  let k = n
  while (k > 0 && continues[k - 1] && text.length - starts[k]! < 2 * queryLength) k--
  const offset = starts[k]!
  const carry: Block = {
    first: block.first + k,
    text: text.slice(offset),
    continues: continues.slice(k),
    starts: starts.slice(k).map((s) => s - offset),
  }
  return { carry, resumeAt: Math.max(0, lastEnd - offset) }
}

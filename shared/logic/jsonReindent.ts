/**
 * The validating re-indenter behind formatJson: one pass over UTF-8 bytes that checks the JSON
 * grammar (RFC 8259, as JSON.parse reads it) and writes the text indented by two spaces.
 * Strings, numbers and literals are copied as written; whitespace between tokens is dropped.
 */

const TAB = 9
const LINE_FEED = 10
const CARRIAGE_RETURN = 13
const SPACE = 32
const QUOTE = 34
const PLUS = 43
const COMMA = 44
const MINUS = 45
const DOT = 46
const ZERO = 48
const NINE = 57
const COLON = 58
const OPEN_BRACKET = 91
const BACKSLASH = 92
const CLOSE_BRACKET = 93
const LOWER_E = 101
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
/** Strings up to this long are copied byte by byte: cheaper than a subarray view and a set. */
const SHORT_COPY = 32

function byteSet(chars: string): Uint8Array {
  const set = new Uint8Array(256)
  for (const ch of chars) set[ch.charCodeAt(0)] = 1
  return set
}
/** Bytes a string holds as they are: all but control characters, the quote and the backslash. */
const PLAIN = new Uint8Array(256).fill(1, SPACE)
PLAIN[QUOTE] = 0
PLAIN[BACKSLASH] = 0
/** What may follow a backslash besides u. */
const ESCAPES = byteSet('"\\/bfnrt')
const HEX = byteSet('0123456789abcdefABCDEF')
const LITERALS = ['true', 'false', 'null'].map((word) => new TextEncoder().encode(word))

export interface Reindented {
  /** The indented text's bytes, from 0 to length (all of it unless some were dropped). */
  bytes: Uint8Array
  length: number
  /** Bytes counted but not kept once the output passed its limit: 0 when all were kept. */
  dropped: number
}

/**
 * Checks and indents the JSON in src[0..n); src[n] must be 0. Null when it is not JSON.
 * Past `limit` output bytes it stops keeping the output (deep nesting can make it grow with
 * the square of the input) but still checks the rest and counts what the output would be.
 */
export function reindentJson(src: Uint8Array, n: number, limit: number): Reindented | null {
  const sink = new Sink(2 * n + 64, limit)
  let out = sink.out
  let op = 0
  // Per open block, 1 for an object and 0 for an array: a stack of our own, not recursion.
  let objects: Uint8Array = new Uint8Array(64)
  let depth = 0
  let key = false
  let i = skipSpace(src, 0)
  for (;;) {
    if (key) {
      if (src[i] !== QUOTE) return null
      const end = stringEnd(src, i)
      if (end < 0) return null
      op = copy(src, i, end, out, op)
      i = skipSpace(src, end)
      if (src[i] !== COLON) return null
      out[op++] = COLON
      out[op++] = SPACE
      i = skipSpace(src, i + 1)
    }
    // A value starts at i.
    const c = src[i]!
    let end: number
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      out[op++] = c
      const next = skipSpace(src, i + 1)
      const close = c + 2 // } follows { and ] follows [ two codes on
      if (src[next] !== close) {
        if (depth === objects.length) objects = doubled(objects)
        objects[depth++] = c === OPEN_BRACE ? 1 : 0
        i = next
        op = newline(sink, op, depth, n - i)
        out = sink.out
        key = c === OPEN_BRACE
        continue
      }
      out[op++] = close
      i = next + 1
    } else {
      if (c === QUOTE) end = stringEnd(src, i)
      else if (c === MINUS || (c >= ZERO && c <= NINE)) end = numberEnd(src, i)
      else end = literalEnd(src, i)
      if (end < 0) return null
      op = copy(src, i, end, out, op)
      i = end
    }
    // After a value: a comma and the next item, or the ends of blocks.
    for (;;) {
      i = skipSpace(src, i)
      if (depth === 0) return i === n ? sink.result(op) : null
      const d = src[i]!
      const inObject = objects[depth - 1] === 1
      if (d === COMMA) {
        out[op++] = COMMA
        i = skipSpace(src, i + 1)
        op = newline(sink, op, depth, n - i)
        out = sink.out
        key = inObject
        break
      }
      if (d !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return null
      depth--
      op = newline(sink, op, depth, n - i)
      out = sink.out
      out[op++] = d
      i++
    }
  }
}

/**
 * The output buffer. Between two line breaks each input byte makes at most two output bytes
 * (a colon becomes ": "), so each line break makes room for twice the input left, and
 * nothing else has to check for room.
 */
class Sink {
  out: Uint8Array
  /** out.length while keeping the output, -1 once it is dropped. */
  room: number
  dropped = 0

  constructor(
    size: number,
    readonly limit: number,
  ) {
    this.out = new Uint8Array(size)
    this.room = size
  }

  result(op: number): Reindented {
    return { bytes: this.out, length: op, dropped: this.dropped }
  }
}

/** A line break and the indent of `level`, with room for twice the `rest` of the input after it. */
function newline(sink: Sink, op: number, level: number, rest: number): number {
  const width = 2 * level + 1
  if (op + width + 2 * rest > sink.room) return makeRoom(sink, op, width, rest)
  return indent(sink.out, op, width)
}

function indent(out: Uint8Array, op: number, width: number): number {
  const end = op + width
  out[op] = LINE_FEED
  while (++op < end) out[op] = SPACE
  return end
}

function makeRoom(sink: Sink, op: number, width: number, rest: number): number {
  const need = op + width + 2 * rest
  if (sink.room >= 0 && need <= sink.limit) {
    const bigger = new Uint8Array(Math.min(sink.limit, Math.max(need, 2 * sink.out.length)))
    bigger.set(sink.out.subarray(0, op))
    sink.out = bigger
    sink.room = bigger.length
    return indent(bigger, op, width)
  }
  // Over the limit: count the output and reuse the buffer from its start for what follows.
  sink.room = -1
  sink.dropped += op + width
  return 0
}

function copy(src: Uint8Array, from: number, to: number, out: Uint8Array, op: number): number {
  if (to - from <= SHORT_COPY) {
    for (let k = from; k < to; k++) out[op++] = src[k]!
    return op
  }
  out.set(src.subarray(from, to), op)
  return op + to - from
}

function skipSpace(src: Uint8Array, i: number): number {
  let c = src[i]!
  while (c <= SPACE && (c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN || c === TAB)) {
    c = src[++i]!
  }
  return i
}

/**
 * The end (exclusive) of the string whose opening quote is at i, or -1 if it is not one.
 * One pass with a table of the bytes that need no look: a native indexOf for the closing
 * quote measured slower, since every byte before it must still be checked for control
 * characters and backslashes (half again as slow on short strings, twice on escaped ones).
 */
function stringEnd(src: Uint8Array, i: number): number {
  i++
  for (;;) {
    let c = src[i]!
    while (PLAIN[c] === 1) c = src[++i]!
    if (c === QUOTE) return i + 1
    if (c !== BACKSLASH) return -1 // a raw control character, or the end of the input
    const e = src[i + 1]!
    if (ESCAPES[e] === 1) i += 2
    else if (e === 117 /* u */) {
      const hex = HEX[src[i + 2]!] && HEX[src[i + 3]!] && HEX[src[i + 4]!] && HEX[src[i + 5]!]
      if (!hex) return -1
      i += 6
    } else return -1
  }
}

/** The end (exclusive) of the number at i: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?, or -1. */
function numberEnd(src: Uint8Array, i: number): number {
  let c = src[i]!
  if (c === MINUS) c = src[++i]!
  if (c === ZERO) c = src[++i]!
  else if (c > ZERO && c <= NINE) i = digitsEnd(src, i)
  else return -1
  if (src[i] === DOT) {
    c = src[++i]!
    if (c < ZERO || c > NINE) return -1
    i = digitsEnd(src, i)
  }
  if ((src[i]! | 32) === LOWER_E) {
    c = src[++i]!
    if (c === PLUS || c === MINUS) c = src[++i]!
    if (c < ZERO || c > NINE) return -1
    i = digitsEnd(src, i)
  }
  return i
}

function digitsEnd(src: Uint8Array, i: number): number {
  let c = src[i]!
  while (c >= ZERO && c <= NINE) c = src[++i]!
  return i
}

/** The end (exclusive) of true, false or null at i, or -1. */
function literalEnd(src: Uint8Array, i: number): number {
  const c = src[i]
  const word = c === 116 ? LITERALS[0]! : c === 102 ? LITERALS[1]! : c === 110 ? LITERALS[2]! : null
  if (word === null) return -1
  for (let k = 1; k < word.length; k++) if (src[i + k] !== word[k]) return -1
  return i + word.length
}

function doubled(stack: Uint8Array): Uint8Array {
  const bigger = new Uint8Array(stack.length * 2)
  bigger.set(stack)
  return bigger
}

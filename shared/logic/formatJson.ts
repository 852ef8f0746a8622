/**
 * Pretty-prints valid JSON with two spaces, the way JSON.stringify(value, null, 2) would,
 * but from the text itself: numbers beyond double precision and key order stay as written.
 *
 * Why bytes: the text is re-indented over its UTF-8 bytes into a growing byte buffer and
 * decoded once. Building the result from millions of small string pieces cost four times
 * JSON.parse + JSON.stringify on a 5 MB body; over bytes it costs about the same as they do
 * (`npm run bench -- formatJson`). JSON.parse still checks validity first: it is native and
 * tells a broken body from a valid one more cheaply than any scanner written here.
 */

const SPACE = 32
const LINE_FEED = 10
const CARRIAGE_RETURN = 13
const TAB = 9
const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

const encoder = new TextEncoder()
const decoder = new TextDecoder()

const isSpace = (c: number | undefined) =>
  c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN || c === TAB

/** Null when the text is not valid JSON. */
export function formatJson(text: string): string | null {
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  return reindent(encoder.encode(escapeLoneSurrogates(text)))
}

/**
 * UTF-8 cannot carry a lone surrogate (JSON.parse accepts one inside a string); written as
 * its \u escape it means the same string and survives the trip through bytes.
 */
function escapeLoneSurrogates(text: string): string {
  if ((text as { isWellFormed?: () => boolean }).isWellFormed?.() !== false) return text
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16)}`,
  )
}

/** A byte buffer that doubles when it is full. */
class ByteSink {
  bytes: Uint8Array
  length = 0

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity)
  }

  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra))
    bigger.set(this.bytes.subarray(0, this.length))
    this.bytes = bigger
  }

  newline(level: number): void {
    this.reserve(1 + 2 * level)
    const bytes = this.bytes
    let at = this.length
    bytes[at++] = LINE_FEED
    const end = at + 2 * level
    while (at < end) bytes[at++] = SPACE
    this.length = end
  }

  copy(src: Uint8Array, from: number, to: number): void {
    const count = to - from
    this.reserve(count)
    if (count < 32) {
      for (let i = from; i < to; i++) this.bytes[this.length++] = src[i]!
    } else {
      this.bytes.set(src.subarray(from, to), this.length)
      this.length += count
    }
  }
}

/** The end (exclusive) of the string starting at `start`, a quote. */
function stringEnd(src: Uint8Array, start: number): number {
  let from = start + 1
  for (;;) {
    const quote = src.indexOf(QUOTE, from)
    let before = quote - 1
    while (src[before] === BACKSLASH) before--
    // An even run of backslashes escapes itself, not the quote.
    if ((quote - 1 - before) % 2 === 0) return quote + 1
    from = quote + 1
  }
}

/** The end (exclusive) of a number or literal (true, false, null) starting at `start`. */
function scalarEnd(src: Uint8Array, start: number): number {
  let end = start + 1
  for (;;) {
    const c = src[end]
    if (c === undefined || isSpace(c)) return end
    if (c === COMMA || c === COLON || c === CLOSE_BRACE || c === CLOSE_BRACKET) return end
    end++
  }
}

function reindent(src: Uint8Array): string {
  const out = new ByteSink(src.length * 2 + 64)
  const n = src.length
  let level = 0
  let i = 0
  while (i < n) {
    const c = src[i]!
    if (isSpace(c)) {
      i++
    } else if (c === QUOTE) {
      const end = stringEnd(src, i)
      out.copy(src, i, end)
      i = end
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let next = i + 1
      while (isSpace(src[next])) next++
      out.reserve(2)
      out.bytes[out.length++] = c
      if (src[next] === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        out.bytes[out.length++] = src[next]!
        i = next + 1
      } else {
        out.newline(++level)
        i++
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      out.newline(--level)
      out.reserve(1)
      out.bytes[out.length++] = c
      i++
    } else if (c === COMMA) {
      out.reserve(1)
      out.bytes[out.length++] = COMMA
      out.newline(level)
      i++
    } else if (c === COLON) {
      out.reserve(2)
      out.bytes[out.length++] = COLON
      out.bytes[out.length++] = SPACE
      i++
    } else {
      const end = scalarEnd(src, i)
      out.copy(src, i, end)
      i = end
    }
  }
  return decoder.decode(out.bytes.subarray(0, out.length))
}

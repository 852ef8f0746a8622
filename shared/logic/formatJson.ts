/**
 * Pretty-prints valid JSON with two spaces, the way JSON.stringify(value, null, 2) would,
 * but from the text itself: numbers beyond double precision and key order stay as written.
 *
 * Why bytes: the text is re-indented over its UTF-8 bytes into a growing byte buffer and
 * decoded once. Building the result from millions of small string pieces cost four times
 * JSON.parse + JSON.stringify on a 5 MB body; over bytes it costs far less.
 *
 * Why no JSON.parse: it was called only to tell a broken body from a valid one, and it builds
 * the whole value to throw it away: more than half of the time (55 of 99 ms on 5 MB). The
 * re-indenter now checks the grammar itself on the bytes it copies anyway, and gives null for
 * exactly the texts JSON.parse rejects (test/shared/formatJsonConformance.test.ts holds the
 * two side by side). It keeps its own stack of open blocks instead of recursing, so no depth
 * of nesting can overflow the call stack. `npm run bench -- formatJson` measures it.
 */
import { reindentJson } from './jsonReindent'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** V8's longest string (2^29 - 24 UTF-16 units on 64-bit): a longer result cannot be made. */
const MAX_STRING_LENGTH = 2 ** 29 - 24
/**
 * Past this many output bytes (or 8 per input byte) the text is checked to its end before its
 * output is kept: pretty JSON is rarely more than 4 times its compact text, while unclosed
 * nesting grows with the square of its depth. So broken nesting costs at most what a valid
 * body indenting to 8 times its size does (100 KB of `[`: 3 ms; 5 MB of `{"a":`: 110 ms).
 */
const MIN_OUTPUT_LIMIT = 1024 * 1024

/** What formatJson throws for valid JSON whose indented text no string can hold. */
export class JsonTooDeepError extends RangeError {
  override name = 'JsonTooDeepError'
}

/**
 * Null when the text is not valid JSON. Throws JsonTooDeepError for valid JSON nested so
 * deeply that its indented text cannot be made (see formatJsonOrProblem for views).
 */
export function formatJson(text: string): string | null {
  const escaped = escapeLoneSurrogates(text)
  const { src, n } = utf8WithEnd(escaped)
  let printed = reindentJson(src, n, Math.max(8 * n, MIN_OUTPUT_LIMIT))
  if (printed === null) return null
  if (printed.dropped > 0) {
    // Valid, but so deeply nested that its indentation dwarfs it. Bytes past ASCII are in its
    // strings only, copied once, so the result's length in UTF-16 units is known exactly.
    const chars = printed.dropped + printed.length - (n - escaped.length)
    if (chars > MAX_STRING_LENGTH) {
      throw new JsonTooDeepError(
        `This JSON is nested too deeply to pretty-print: indented it would be ${chars.toLocaleString('en-US')} characters, more than a JavaScript string can hold. It is shown as received.`,
      )
    }
    printed = reindentJson(src, n, Infinity)!
  }
  return decoder.decode(printed.bytes.subarray(0, printed.length))
}

/**
 * formatJson for what shows a body (the response view, the command line): a hostile or
 * odd server's deeply nested JSON must not break the view, so the problem comes back as a
 * value, and the body is shown as received with it.
 */
export function formatJsonOrProblem(text: string): string | null | JsonTooDeepError {
  try {
    return formatJson(text)
  } catch (error) {
    if (error instanceof JsonTooDeepError) return error
    throw error
  }
}

/**
 * The text's UTF-8 bytes (n of them) and a zero byte after them: no JSON token holds a NUL,
 * so every scan stops there without checking for the end. Room for ASCII first, the usual
 * case; past it, three bytes per UTF-16 unit, the most UTF-8 can need.
 */
function utf8WithEnd(text: string): { src: Uint8Array; n: number } {
  let src = new Uint8Array(text.length + 1)
  let done = encoder.encodeInto(text, src.subarray(0, text.length))
  if (done.read < text.length) {
    src = new Uint8Array(text.length * 3 + 1)
    done = encoder.encodeInto(text, src)
  }
  return { src, n: done.written }
}

/**
 * UTF-8 cannot carry a lone surrogate (JSON.parse accepts one inside a string); written as
 * its \u escape it means the same string and survives the trip through bytes. One that
 * follows an odd run of backslashes is left alone: that is an invalid escape, and it stays
 * one as the replacement character the encoder writes.
 */
function escapeLoneSurrogates(text: string): string {
  if ((text as { isWellFormed?: () => boolean }).isWellFormed?.() !== false) return text
  return text.replace(
    /(?<!(?<!\\)\\(?:\\\\)*)(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16)}`,
  )
}

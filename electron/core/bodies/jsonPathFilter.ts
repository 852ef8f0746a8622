import { JSONPath } from 'jsonpath-plus'
import { chunksOf, MemorySource, type ByteSource } from './byteSource'
import type { SpoolWriter } from './spoolWriter'

/** A filter that cannot run, with a message written for the tester who typed it. */
export class JsonPathError extends Error {
  override name = 'JsonPathError'
}

const EXAMPLE = '$.items[?(@.price > 10)].name'
/** Characters of output handed to the writer at a time. */
const WRITE_CHARS = 64 * 1024
/** Longest part of a jsonpath-plus message quoted back (they can dump whole values). */
const MAX_REASON = 200

/**
 * Applies a JSONPath expression to the JSON in `source`; writes the matches as a pretty
 * JSON array to `out`.
 *
 * The body is read fully and parsed with JSON.parse, so the whole value is held in
 * memory while the expression runs (synchronously), and numbers are doubles: digits
 * beyond their precision are lost and a number beyond their range prints as null, unlike
 * in the pretty view, which keeps numbers as written.
 * Expressions are evaluated by jsonpath-plus's safe evaluator, never by `eval`: filter
 * scripts can compare and call string methods but cannot reach constructors or globals.
 * On failure `out` is aborted, so no half-written result is left behind.
 */
export async function filterJson(
  source: ByteSource,
  expression: string,
  out: SpoolWriter,
  decoder: (b: Buffer) => string = (b) => b.toString('utf8'),
): Promise<{ count: number; text: ByteSource }> {
  try {
    const path = checkExpression(expression)
    const values = evaluate(parseBody(await readAll(source), decoder), path)
    await writeArray(values, out)
    return { count: values.length, text: await out.finish() }
  } catch (error) {
    await out.abort()
    throw error
  }
}

function checkExpression(expression: string): string {
  const path = expression.trim()
  if (!path.startsWith('$')) {
    throw new JsonPathError(
      `The JSONPath expression "${expression}" must start with $ (the whole body). ` +
        `Check the expression, e.g. ${EXAMPLE}`,
    )
  }
  return path
}

async function readAll(source: ByteSource): Promise<Buffer> {
  if (source instanceof MemorySource) return source.buffer
  const chunks: Buffer[] = []
  for await (const chunk of chunksOf(source)) chunks.push(chunk)
  return Buffer.concat(chunks)
}

function parseBody(bytes: Buffer, decoder: (b: Buffer) => string): unknown {
  let text: string
  try {
    text = decoder(bytes)
  } catch (error) {
    // V8 strings stop at about 512 MB; a body past that cannot be parsed in one piece.
    if (error instanceof RangeError) {
      throw new JsonPathError('The body is too large to be filtered with JSONPath.')
    }
    throw error
  }
  // A byte order mark is not JSON, but it is not the tester's mistake either.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new JsonPathError(
      `The body is not valid JSON, so it cannot be filtered: ${reasonOf(error)}.`,
    )
  }
}

function evaluate(json: unknown, path: string): unknown[] {
  let found: unknown
  try {
    // eval: 'safe' is the default; spelled out so no later change of default lets
    // an expression from a shared workspace run code.
    found = JSONPath({
      path,
      json: json as null | boolean | number | string | object,
      wrap: true,
      eval: 'safe',
    })
  } catch (error) {
    const reason = reasonOf(error)
    // jsonpath-plus prefixes errors raised while running a filter script with 'jsonPath: ';
    // the others come from parsing the expression.
    const failure = reason.startsWith('jsonPath: ')
      ? `could not be applied to this body (${reason.slice('jsonPath: '.length)})`
      : `is not valid (${reason})`
    throw new JsonPathError(
      `The JSONPath expression "${path}" ${failure}. Check the expression, e.g. ${EXAMPLE}`,
    )
  }
  // jsonpath-plus answers undefined, not a list, when the body is just null or false.
  return Array.isArray(found) ? found : []
}

function reasonOf(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
  return message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}…` : message
}

/**
 * Writes `values` exactly as JSON.stringify(values, null, 2) would, one match at a time,
 * so only the largest match (not the whole result) is ever held as one string.
 */
async function writeArray(values: unknown[], out: SpoolWriter): Promise<void> {
  const text = new TextOut(out)
  if (values.length === 0) await text.add('[]')
  for (let i = 0; i < values.length; i++) {
    // Inside an array of one, JSON.stringify indents the match as the whole result
    // would, and prints undefined as null; cutting off the '[\n' and '\n]' is cheaper
    // than a second pass over a large text to indent it.
    const wrapped = JSON.stringify([values[i]], null, 2)
    await text.add(i === 0 ? '[\n' : ',\n')
    await text.add(wrapped.slice(2, -2))
  }
  if (values.length > 0) await text.add('\n]')
  await text.flush()
}

/** Collects small pieces of text and writes them, and big ones in slices, as UTF-8. */
class TextOut {
  private pending: string[] = []
  private length = 0

  constructor(private readonly out: SpoolWriter) {}

  async add(piece: string): Promise<void> {
    if (piece.length < WRITE_CHARS) {
      this.pending.push(piece)
      this.length += piece.length
      if (this.length >= WRITE_CHARS) await this.flush()
      return
    }
    await this.flush()
    for (let at = 0; at < piece.length;) {
      let end = Math.min(piece.length, at + WRITE_CHARS)
      // Never end a slice between the two halves of a surrogate pair.
      const last = piece.charCodeAt(end - 1)
      if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end--
      await this.out.write(Buffer.from(piece.slice(at, end), 'utf8'))
      at = end
    }
  }

  async flush(): Promise<void> {
    if (this.length === 0) return
    await this.out.write(Buffer.from(this.pending.join(''), 'utf8'))
    this.pending = []
    this.length = 0
  }
}

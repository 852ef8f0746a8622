import { JSONPath } from 'jsonpath-plus'
import type { Assertion } from '../../../shared/model/assertion'
import type { HeaderList } from '../../../shared/model/keyValue'

/** The parts of a response the assertions look at. */
export interface AssertedResponse {
  status: number
  headers: HeaderList
  /** The body as text; null when it is binary or was not kept whole. */
  bodyText: string | null
  /** Whole exchange, milliseconds. */
  responseTimeMs: number
  /** Body bytes after decompression. */
  bodyBytes: number
}

/** Thrown when a row cannot be evaluated at all (a bad JSONPath, a body that is not JSON). */
export class AssertionInputError extends Error {}

/** The JSON of the body, parsed once per response however many rows ask for it. */
export class ParsedBody {
  private parsed: { value: unknown } | { error: string } | null = null

  constructor(private readonly text: string | null) {}

  get value(): unknown {
    this.parsed ??= this.parse()
    if ('error' in this.parsed) throw new AssertionInputError(this.parsed.error)
    return this.parsed.value
  }

  private parse(): { value: unknown } | { error: string } {
    if (this.text === null) return { error: 'the body is not text (binary, or too big to keep)' }
    try {
      return { value: JSON.parse(this.text) }
    } catch (error) {
      return { error: `the body is not JSON (${(error as Error).message})` }
    }
  }
}

/**
 * What the row's target is in this response: a number, a string, any JSON value, or
 * undefined when it is absent (a missing header, a JSONPath matching nothing).
 */
export function actualValue(
  row: Pick<Assertion, 'target' | 'path'>,
  response: AssertedResponse,
  body: ParsedBody,
): unknown {
  switch (row.target) {
    case 'status':
      return response.status
    case 'responseTime':
      return response.responseTimeMs
    case 'bodySize':
      return response.bodyBytes
    case 'body':
      if (response.bodyText === null) {
        throw new AssertionInputError('the body is not text (binary, or too big to keep)')
      }
      return response.bodyText
    case 'header': {
      const name = row.path.trim().toLowerCase()
      if (!name) throw new AssertionInputError('name the header to check')
      const values = response.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v)
      return values.length === 0 ? undefined : values.join(', ')
    }
    case 'jsonPath':
      return jsonPathValue(row.path.trim(), body.value)
  }
}

/** One match gives its value, several an array of them, none undefined. */
function jsonPathValue(path: string, json: unknown): unknown {
  if (!path.startsWith('$')) {
    throw new AssertionInputError(`the JSONPath "${path}" must start with $ (the whole body)`)
  }
  let found: unknown[]
  try {
    found = JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[]
  } catch (error) {
    throw new AssertionInputError(`the JSONPath "${path}" is invalid: ${(error as Error).message}`)
  }
  if (found.length === 0) return undefined
  return found.length === 1 ? found[0] : found
}

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser'

export interface JsonProblem {
  /** 1-based line of the first error. */
  line: number
  /** 1-based column of the first error. */
  column: number
  /** What is wrong there, e.g. "expected a comma". */
  reason: string
}

const REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing }',
  CloseBracketExpected: 'expected a closing ]',
  EndOfFileExpected: 'unexpected text after the end of the JSON',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
}

/** Line and column (1-based) of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** The first problem of a JSON text, or null when it is valid strict JSON (no comments, no trailing commas). */
export function findJsonProblem(text: string): JsonProblem | null {
  if (text.trim() === '') return { line: 1, column: 1, reason: 'the body is empty' }
  const errors: ParseError[] = []
  parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  })
  const first = errors[0]
  if (!first) return null
  const code = printParseErrorCode(first.error)
  return { ...positionOf(text, first.offset), reason: REASONS[code] ?? code }
}

// Pretty-printing lives in its own file; callers have always found it here.
export { formatJson, formatJsonOrProblem, JsonTooDeepError } from './formatJson'

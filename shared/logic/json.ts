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

/**
 * Pretty-prints valid JSON with two spaces in one pass over the text, so numbers beyond
 * double precision and key order stay as written, and a 5 MB body takes a fraction of a
 * second (jsonc-parser's format + applyEdits is quadratic on large bodies). Null when the
 * text is not valid JSON.
 */
export function formatJson(text: string): string | null {
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  const indents = ['']
  const indent = (level: number) => (indents[level] ??= '  '.repeat(level))
  const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9
  const isDelimiter = (c: number) => c === 44 || c === 58 || c === 93 || c === 125
  let out = ''
  let level = 0
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      i++
    } else if (c === 34 /* " */) {
      let j = i + 1
      while (j < n) {
        const d = text.charCodeAt(j)
        if (d === 92 /* \ */) j += 2
        else if (d === 34) break
        else j++
      }
      out += text.slice(i, j + 1)
      i = j + 1
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      let j = i + 1
      while (j < n && isSpace(text.charCodeAt(j))) j++
      const close = c === 123 ? 125 : 93
      if (text.charCodeAt(j) === close) {
        out += c === 123 ? '{}' : '[]'
        i = j + 1
      } else {
        level++
        out += text[i] + '\n' + indent(level)
        i++
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      level--
      out += '\n' + indent(level) + text[i]
      i++
    } else if (c === 44 /* , */) {
      out += ',\n' + indent(level)
      i++
    } else if (c === 58 /* : */) {
      out += ': '
      i++
    } else {
      // A number or a literal (true, false, null): copy it as written.
      let j = i + 1
      while (j < n && !isSpace(text.charCodeAt(j)) && !isDelimiter(text.charCodeAt(j))) j++
      out += text.slice(i, j)
      i = j
    }
  }
  return out
}

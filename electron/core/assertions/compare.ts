import { isDeepStrictEqual } from 'node:util'
import type { AssertionOperator } from '../../../shared/model/assertion'
import { AssertionInputError } from './assertionValues'

/** The outcome of one comparison: null when it holds, else why not. */
export type Verdict = string | null

/** `expected` as JSON where it parses (`200`, `"x"`, `[1]`), else the text itself. */
export function parseExpected(text: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  try {
    return JSON.parse(trimmed)
  } catch {
    return text
  }
}

/** Short, one-line form of a value for a failure message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 200 ? `${text.slice(0, 197)}...` : text
}

/**
 * Equality as a tester means it: a text target (a header, the body) equals the expected
 * text as typed (`5` equals the header "5"); anything else equals the expected JSON
 * value deeply (`200`, `true`, `{"a":1}`), or the text where it is not JSON.
 */
export function looselyEqual(actual: unknown, expectedText: string): boolean {
  const parsed = parseExpected(expectedText)
  if (typeof actual === 'string') {
    return actual === (typeof parsed === 'string' ? parsed : expectedText.trim())
  }
  return isDeepStrictEqual(actual, parsed)
}

function asNumber(value: unknown, what: string): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN
  if (typeof value === 'string' && value.trim() === '') return NaN
  if (Number.isNaN(n)) throw new AssertionInputError(`${what} ${show(value)} is not a number`)
  return n
}

/** `/pattern/flags` or a bare pattern. */
export function toRegExp(text: string): RegExp {
  const literal = /^\/(.*)\/([dgimsuy]*)$/s.exec(text.trim())
  try {
    return literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(text)
  } catch (error) {
    throw new AssertionInputError(
      `the pattern ${show(text)} is not a valid regular expression: ${(error as Error).message}`,
    )
  }
}

/** The JSON type of a value as `isType` names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** `isOneOf`'s choices: a JSON array, or comma-separated values. */
function choices(expectedText: string): string[] {
  const parsed = parseExpected(expectedText)
  // Each choice as JSON text, which looselyEqual reads back as the value it was.
  if (Array.isArray(parsed)) return parsed.map((v) => JSON.stringify(v))
  return expectedText.split(',').map((c) => c.trim())
}

/** Applies every operator but `matchesSchema` (see schemaCheck.ts). */
export function compare(
  operator: Exclude<AssertionOperator, 'matchesSchema'>,
  actual: unknown,
  expectedText: string,
): Verdict {
  const missing = actual === undefined
  switch (operator) {
    case 'exists':
      return missing ? 'it is missing' : null
    case 'equals':
      return !missing && looselyEqual(actual, expectedText)
        ? null
        : `expected ${show(parseExpected(expectedText))}, got ${show(actual)}`
    case 'notEquals':
      return missing || !looselyEqual(actual, expectedText)
        ? null
        : `expected anything but ${show(actual)}`
    case 'greaterThan':
    case 'greaterOrEqual':
    case 'lessThan':
    case 'lessOrEqual': {
      if (missing) return 'it is missing'
      const a = asNumber(actual, 'the value')
      const e = asNumber(parseExpected(expectedText), 'the expected value')
      const holds = {
        greaterThan: a > e,
        greaterOrEqual: a >= e,
        lessThan: a < e,
        lessOrEqual: a <= e,
      }[operator]
      return holds ? null : `got ${show(actual)}`
    }
    case 'contains': {
      if (missing) return 'it is missing'
      if (typeof actual === 'string') {
        return actual.includes(expectedText)
          ? null
          : `${show(actual)} does not contain ${show(expectedText)}`
      }
      if (Array.isArray(actual)) {
        return actual.some((item) => looselyEqual(item, expectedText))
          ? null
          : `${show(actual)} has no item ${show(parseExpected(expectedText))}`
      }
      if (actual !== null && typeof actual === 'object') {
        return Object.hasOwn(actual, expectedText)
          ? null
          : `${show(actual)} has no key ${show(expectedText)}`
      }
      return String(actual).includes(expectedText)
        ? null
        : `${show(actual)} does not contain ${show(expectedText)}`
    }
    case 'matches': {
      if (missing) return 'it is missing'
      const text = typeof actual === 'string' ? actual : JSON.stringify(actual)
      return toRegExp(expectedText).test(text)
        ? null
        : `${show(actual)} does not match ${expectedText.trim()}`
    }
    case 'isType': {
      const wanted = expectedText.trim().toLowerCase()
      const type = missing ? 'missing' : jsonType(actual)
      const holds = type === wanted || (wanted === 'number' && type === 'integer')
      return holds ? null : `it is ${type === 'missing' ? 'missing' : `of type ${type}`}`
    }
    case 'isOneOf': {
      if (missing) return 'it is missing'
      const options = choices(expectedText)
      return options.some((option) => looselyEqual(actual, option)) ? null : `got ${show(actual)}`
    }
  }
}

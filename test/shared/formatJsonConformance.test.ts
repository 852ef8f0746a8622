import { describe, expect, it } from 'vitest'
import { formatJson } from '../../shared/logic/json'
import { INVALID, VALID } from './jsonConformanceCorpus'

/**
 * formatJson checks the grammar itself (no JSON.parse): it must give null for exactly the
 * texts JSON.parse rejects, and for the others the same value, indented.
 */
function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** The same value, keys in the same order (JSON.stringify writes them in insertion order). */
function expectSameValue(pretty: string, text: string): void {
  expect(JSON.parse(pretty)).toEqual(JSON.parse(text))
  expect(JSON.stringify(JSON.parse(pretty))).toBe(JSON.stringify(JSON.parse(text)))
}

describe('formatJson accepts what JSON.parse accepts', () => {
  it.each(VALID.map((text) => [text]))('formats %j', (text) => {
    expect(parses(text)).toBe(true) // the corpus itself is right
    const pretty = formatJson(text)
    expect(pretty).not.toBeNull()
    expectSameValue(pretty!, text)
    expect(formatJson(pretty!)).toBe(pretty)
  })

  it.each(INVALID.map((text) => [text]))('returns null for %j', (text) => {
    expect(parses(text)).toBe(false)
    expect(formatJson(text)).toBeNull()
  })
})

describe('formatJson on deep nesting', () => {
  const depth = 100_000

  it.each([
    ['unclosed [', '['.repeat(depth)],
    ['unclosed {"a":', '{"a":'.repeat(depth)],
    ['one ] short', '['.repeat(depth) + ']'.repeat(depth - 1)],
    ['one ] too many', '['.repeat(depth) + ']'.repeat(depth + 1)],
    ['a trailing comma at the bottom', '['.repeat(depth) + '1,' + ']'.repeat(depth)],
    ['mismatched closers', '['.repeat(depth) + '}'.repeat(depth)],
  ])('returns null for %s, 100,000 deep, without a RangeError', (_, text) => {
    expect(parses(text)).toBe(false)
    expect(formatJson(text)).toBeNull()
  })

  it('indents valid nesting 3,000 deep like JSON.stringify', () => {
    const levels = 3000
    const text = '['.repeat(levels) + '{"a":[1,{}]}' + ']'.repeat(levels)
    let value: unknown = { a: [1, {}] }
    for (let i = 0; i < levels; i++) value = [value]
    expect(formatJson(text)).toBe(JSON.stringify(value, null, 2))
  })

  it('says why when valid nesting is too deep for its indented text to fit in a string', () => {
    const text = '['.repeat(depth) + ']'.repeat(depth)
    expect(parses(text)).toBe(true)
    expect(() => formatJson(text)).toThrow(/nested too deeply to pretty-print/)
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findJsonProblem, formatJson, positionOf } from '../../shared/logic/json'

describe('findJsonProblem', () => {
  it('accepts valid JSON', () => {
    expect(findJsonProblem('{"a": [1, 2, {"b": null}]}')).toBeNull()
  })

  it.each([
    ['{"a": 1,}', 1, 9, 'property name'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'comma'],
    ['{"a": tru}', 1, 7, ''],
    ['// c\n{}', 1, 1, 'comments'],
    ['', 1, 1, 'empty'],
  ])('reports %j at line %i, column %i', (text, line, column, words) => {
    const problem = findJsonProblem(text)
    expect(problem).not.toBeNull()
    expect(problem!.line).toBe(line)
    expect(problem!.column).toBe(column)
    expect(problem!.reason).toContain(words)
  })
})

describe('formatJson', () => {
  it('indents with two spaces and keeps big numbers and key order as written', () => {
    expect(formatJson('{"z":12345678901234567890,"a":[1,2]}')).toBe(
      '{\n  "z": 12345678901234567890,\n  "a": [\n    1,\n    2\n  ]\n}',
    )
  })

  it('returns null for invalid JSON', () => {
    expect(formatJson('{')).toBeNull()
  })
})

describe('positionOf', () => {
  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})

describe('formatJson on received bodies', () => {
  it('indents like JSON.stringify with two spaces', () => {
    const value = { a: [1, { b: 'x,y:}]' }], e: {}, f: [], g: null, h: true, s: 'q"\\' }
    expect(formatJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2))
  })

  it('keeps numbers and key order exactly as received', () => {
    expect(formatJson('{"z":12345678901234567890123,"a":1.50}')).toBe(
      '{\n  "z": 12345678901234567890123,\n  "a": 1.50\n}',
    )
  })

  it('reformats already indented JSON and returns null for invalid JSON', () => {
    expect(formatJson('[ 1 ,\n\t2 ]')).toBe('[\n  1,\n  2\n]')
    expect(formatJson('{"a":')).toBeNull()
    expect(formatJson('not json')).toBeNull()
  })

  it('formats a 5 MB document exactly like JSON.stringify (speed is in npm run bench)', () => {
    const big = JSON.stringify(
      Array.from({ length: 110_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })),
    )
    expect(big.length).toBeGreaterThan(5_000_000)
    const out = formatJson(big)
    expect(out).toBe(JSON.stringify(JSON.parse(big), null, 2))
  })
})

describe('formatJson over any JSON value', () => {
  it('matches JSON.stringify with two spaces for generated values, unicode and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value)
        expect(formatJson(text)).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps non-ASCII text, escaped quotes and runs of backslashes inside strings', () => {
    const value = { 'clé "x"': 'naïve \\\\" 😀 日本', long: 'a'.repeat(100) + '\\' }
    expect(formatJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2))
  })

  it('keeps a lone surrogate as the same string, written as its escape', () => {
    const text = '{"a":"x\uD800y"}'
    const out = formatJson(text)
    expect(out).toBe('{\n  "a": "x\\ud800y"\n}')
    expect(JSON.parse(out!)).toEqual(JSON.parse(text))
  })
})

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  IterationDataError,
  parseIterationData,
  readIterationData,
  typedValuesOf,
} from '../../../electron/core/runner/iterationData'

const problem = (text: string, label = 'data.csv', ext = '.csv') => {
  try {
    parseIterationData(text, label, ext)
  } catch (error) {
    expect(error).toBeInstanceOf(IterationDataError)
    return (error as Error).message
  }
  throw new Error('expected the data to be refused')
}

describe('CSV iteration data', () => {
  it('takes the columns from the header row, one row per iteration, values as text', () => {
    const rows = parseIterationData('\uFEFFuser,zip\nann,007\n"bob, jr", 1.50 \n', 'd.csv', '.csv')
    expect(rows).toEqual([
      { user: 'ann', zip: '007' },
      { user: 'bob, jr', zip: '1.50' },
    ])
  })

  it('gives scripts an unquoted number as a number, as newman; one it would rewrite stays text', () => {
    const rows = parseIterationData(
      'id,age,zip,code,price,big\n7,-30,007,"42",1.50,Infinity\n',
      'd.csv',
      '.csv',
    )
    expect(rows).toEqual([
      { id: '7', age: '-30', zip: '007', code: '42', price: '1.50', big: 'Infinity' },
    ])
    expect(typedValuesOf(rows[0]!)).toEqual({ id: 7, age: -30 })
  })

  it('reads CRLF files, skips empty lines, keeps a stray quote inside a value as newman does', () => {
    expect(parseIterationData('a,b\r\n1,x"y\r\n\r\n3,""\r\n', 'd.csv', '.csv')).toEqual([
      { a: '1', b: 'x"y' },
      { a: '3', b: '' },
    ])
  })

  it('a header alone is no rows; a column with no name is left out', () => {
    expect(parseIterationData('a,b\n', 'd.csv', '.csv')).toEqual([])
    expect(parseIterationData('a,,b\n1,2,3\n', 'd.csv', '.csv')).toEqual([{ a: '1', b: '3' }])
  })

  it('a row with a missing value names the file, the line and the columns expected', () => {
    const message = problem('user,zip\nann,1\nbob\n')
    expect(message).toContain('"data.csv", line 3')
    expect(message).toContain('1 value where the header row (user,zip) has 2 columns')
  })

  it('an unclosed quote and a duplicated column are refused with the line', () => {
    expect(problem('a,b\n1,"open\n2,3\n')).toMatch(
      /"data\.csv", line \d: a quoted value is never closed/,
    )
    expect(problem('a,a\n1,2\n')).toContain('line 1: the header row names the column "a" twice')
  })
})

describe('JSON iteration data', () => {
  it('an array of objects; values as text for {{name}}, with their JSON type for scripts', () => {
    const rows = parseIterationData(
      '[{"user":"ann","n":1,"ok":true,"o":{"a":1},"list":[1,"x"],"none":null}]',
      'd.json',
      '.json',
    )
    expect(rows).toEqual([{ user: 'ann', n: '1', ok: 'true', o: '{"a":1}', list: '[1,"x"]' }])
    expect(typedValuesOf(rows[0]!)).toEqual({ n: 1, ok: true, o: { a: 1 }, list: [1, 'x'] })
    expect(typedValuesOf(parseIterationData('[{"a":"1"}]', 'd.json', '.json')[0]!)).toBeUndefined()
  })

  it('is recognised by its content when the file has another extension', () => {
    expect(parseIterationData('[{"a":"1"}]', 'data.txt', '.txt')).toEqual([{ a: '1' }])
    expect(parseIterationData('a\n1\n', 'data.txt', '.txt')).toEqual([{ a: '1' }])
  })

  it('invalid JSON, an object instead of an array, or an item that is not an object are refused', () => {
    expect(problem('[{"a":1,}]', 'd.json', '.json')).toMatch(
      /"d\.json" is not valid JSON at line 1, column \d+/,
    )
    expect(problem('{"a":1}', 'd.json', '.json')).toContain(
      '"d.json" holds an object; an iteration data file in JSON is an array of objects',
    )
    expect(problem('[{"a":1}, 2]', 'd.json', '.json')).toContain(
      'item 2 of the array is a number (2)',
    )
    expect(problem('a,b\n1,2', 'd.json', '.json')).toContain('"d.json" is not JSON')
  })
})

describe('readIterationData', () => {
  it('reads a file, and names a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-data-'))
    writeFileSync(join(dir, 'rows.csv'), 'id\n1\n2\n')
    expect(await readIterationData(join(dir, 'rows.csv'))).toEqual([{ id: '1' }, { id: '2' }])
    await expect(readIterationData(join(dir, 'nope.csv'))).rejects.toThrow(
      /The iteration data file ".*nope\.csv" cannot be read: there is no such file/,
    )
  })
})

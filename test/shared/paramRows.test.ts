import { describe, expect, it } from 'vitest'
import {
  rowsFromUrl,
  rowsOfRequest,
  urlFromRows,
  type ParamRow,
} from '../../shared/logic/paramRows'

const row = (key: string, value: string, enabled = true, hasEquals = true): ParamRow => ({
  key,
  value,
  enabled,
  hasEquals,
})

describe('params table and URL query stay in sync', () => {
  it('typing in the URL replaces enabled rows in order and keeps disabled rows in place', () => {
    const rows = [row('a', '1'), row('off', 'x', false), row('b', '2')]
    expect(rowsFromUrl(rows, 'http://h/p?a=9&c=3&flag')).toEqual([
      row('a', '9'),
      row('off', 'x', false),
      row('c', '3'),
      row('flag', '', true, false),
    ])
    expect(rowsFromUrl(rows, 'http://h/p')).toEqual([row('off', 'x', false)])
  })

  it('editing the table rewrites only the query, keeping bare keys, encoding and the fragment', () => {
    const rows = [
      row('q', 'a%20b'),
      row('flag', '', true, false),
      row('off', '1', false),
      row('', ''),
    ]
    expect(urlFromRows('http://h/p?old=1#top', rows)).toBe('http://h/p?q=a%20b&flag#top')
    expect(urlFromRows('http://h/p?old=1', [])).toBe('http://h/p')
  })

  it('round-trips a URL through the table unchanged', () => {
    const url = 'http://h/p?a=1&a=2&empty=&flag&u=%C3%BC'
    expect(urlFromRows(url, rowsFromUrl([], url))).toBe(url)
  })

  it('builds the table of a saved request from its URL and disabled rows', () => {
    expect(rowsOfRequest('http://h/?a=1', [{ key: 'b', value: '2', enabled: false }])).toEqual([
      row('a', '1'),
      row('b', '2', false),
    ])
  })
})

import { describe, expect, it } from 'vitest'
import {
  diffHeaders,
  diffRows,
  normalizeJson,
} from '../../../renderer/src/components/history/historyDiff'
import { dayLabel, withDays } from '../../../renderer/src/components/history/historyGroups'
import { requestOfEntry } from '../../../renderer/src/components/history/historyRequest'
import type { HistoryEntry, HistorySummary } from '../../../shared/model/history'
import { fakeResponse } from '../fakeApi'

describe('comparing responses', () => {
  it('ignores JSON key order and pairs changed lines side by side', () => {
    const a = normalizeJson('{"b": 1, "a": {"y": 2, "x": 1}}')
    const b = normalizeJson('{"a": {"x": 1, "y": 3}, "b": 1}')
    const rows = diffRows(a, b)
    expect(rows.filter((r) => r.kind !== 'same')).toEqual([
      { left: '    "y": 2', right: '    "y": 3', kind: 'changed' },
    ])
    expect(
      diffRows(normalizeJson('{"a":1,"b":2}'), normalizeJson('{"b":2,"a":1}')).every(
        (r) => r.kind === 'same',
      ),
    ).toBe(true)
    expect(normalizeJson('not json')).toBe('not json')
  })

  it('marks added and removed lines', () => {
    expect(diffRows('a\nb\n', 'a\n')).toEqual([
      { left: 'a', right: 'a', kind: 'same' },
      { left: 'b', right: null, kind: 'removed' },
    ])
  })

  it('compares headers by name, whatever their case, repeated ones together', () => {
    const rows = diffHeaders(
      [
        ['Content-Type', 'application/json'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
        ['X-Old', '1'],
      ],
      [
        ['content-type', 'application/json'],
        ['Set-Cookie', 'a=1'],
        ['X-New', '2'],
      ],
    )
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'removed', 'added'])
    expect(rows[1]!.left).toBe('Set-Cookie: a=1, b=2')
  })
})

const summary = (id: number, at: number): HistorySummary => ({
  id,
  at,
  method: 'GET',
  url: `http://h/${id}`,
  status: 200,
  errorCode: null,
  durationMs: 5,
  sizeBytes: 10,
  workspace: null,
  workspaceName: null,
  environment: null,
  requestPath: null,
  source: 'app',
  testsTotal: null,
  testsFailed: null,
  runId: null,
})

describe('history list', () => {
  it('groups entries by day under Today, Yesterday and dates', () => {
    const now = new Date('2026-11-25T12:00:00').getTime()
    const rows = withDays(
      [summary(3, now - 1000), summary(2, now - 2000), summary(1, now - 86_400_000)],
      now,
    )
    expect(rows.map((r) => [r.day, r.item.id])).toEqual([
      ['Today', 3],
      [null, 2],
      ['Yesterday', 1],
    ])
    expect(dayLabel(now - 5 * 86_400_000, now)).toMatch(/2026/)
  })

  it('reopens an entry as it was edited, or rebuilds it from the wire for a CLI entry', () => {
    const response = fakeResponse({
      sent: {
        method: 'PUT',
        url: 'http://h/users/1',
        headers: [
          ['X-Trace', 't-1'],
          ['User-Agent', 'Courier/0.1'],
        ],
        bodySummary: '',
      },
    })
    const entry = {
      ...summary(1, 0),
      method: 'PUT',
      url: 'http://h/users/1',
      edited: null,
      response,
      error: null,
      sentOnError: null,
      truncated: false,
      source: 'cli',
    } as HistoryEntry
    const rebuilt = requestOfEntry(entry)
    expect(rebuilt).toMatchObject({ method: 'PUT', url: 'http://h/users/1' })
    expect(rebuilt.headers).toEqual([{ key: 'X-Trace', value: 't-1', enabled: true }])
    const edited = { ...rebuilt, url: '{{base}}/users/1' }
    expect(requestOfEntry({ ...entry, edited }).url).toBe('{{base}}/users/1')
  })
})

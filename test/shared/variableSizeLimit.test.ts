import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VARIABLE_SIZE_LIMIT,
  resolveRequest,
  resolveText,
  resolvedOrAsWritten,
  VariableSizeError,
} from '../../shared/logic/variables'
import { emptyRequest } from '../../shared/model/request'

/**
 * `big` refers to `a` 40 times, `a` to `b` 40 times, and so on: 40^4 copies of a 20-character
 * value, about 51 MB, from a few hundred bytes of variables.
 */
const exponential: Record<string, string> = {
  big: '{{a}}'.repeat(40),
  a: '{{b}}'.repeat(40),
  b: '{{c}}'.repeat(40),
  c: '{{d}}'.repeat(40),
  d: 'twenty-characters!!!',
  small: 'ok',
}

function sizeError(run: () => unknown): VariableSizeError {
  try {
    run()
  } catch (error) {
    if (error instanceof VariableSizeError) return error
    throw error
  }
  throw new Error('expected a VariableSizeError')
}

describe('the variable size limit', () => {
  it('stops an exponential expansion and names the variable that grows', () => {
    const error = sizeError(() => resolveText('x={{small}}&y={{big}}', exponential))
    expect(error.variable).toBe('big')
    expect(error.limit).toBe(DEFAULT_VARIABLE_SIZE_LIMIT)
    expect(error.message).toBe('{{big}} expands past 10 MB')
  })

  it('stops before building the whole text: with a 1 KB limit, past 1 KB', () => {
    // With no cap this would build 51 MB; a limit this small shows where it stops.
    const error = sizeError(() => resolveText('{{big}}', exponential, { limit: 1024 }))
    expect(error.message).toBe('{{big}} expands past 1 KB')
  })

  it('lets a value just under the limit through, and counts only what variables add', () => {
    const limit = 1000
    const value = 'v'.repeat(limit)
    expect(resolveText('{{v}}', { v: value }, { limit })).toHaveLength(limit)
    // '{{v}}' is 5 characters: a value 6 longer than the limit adds one too many.
    expect(() => resolveText('{{v}}', { v: `${value}123456` }, { limit })).toThrow(
      VariableSizeError,
    )
    // A big text typed as is stays sendable: the limit is on what resolution adds to it.
    const typed = 't'.repeat(limit * 5)
    expect(resolveText(`${typed}{{small}}`, exponential, { limit })).toHaveLength(limit * 5 + 2)
  })

  it('a normal big value (3 MB) resolves whole under the default limit', () => {
    const three = 'x'.repeat(3 * 1024 * 1024)
    const spec = {
      ...emptyRequest(),
      url: 'http://h.test/{{small}}',
      body: { type: 'raw' as const, text: '{{payload}}', contentType: 'text/plain' },
    }
    const resolved = resolveRequest(spec, { payload: three, small: 'ok' }).spec
    expect(resolved.body.type === 'raw' && resolved.body.text.length).toBe(three.length)
  })

  it('what is kept of a send keeps the request as written instead of failing', () => {
    const spec = { ...emptyRequest(), url: 'http://h.test/?q={{big}}' }
    expect(() => resolveRequest(spec, exponential)).toThrow(VariableSizeError)
    expect(resolvedOrAsWritten(spec, exponential).url).toBe('http://h.test/?q={{big}}')
  })
})

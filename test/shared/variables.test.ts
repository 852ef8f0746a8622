import { describe, expect, it } from 'vitest'
import { findVariables, resolveRequest, resolveText } from '../../shared/logic/variables'
import { emptyRequest, type RequestSpec } from '../../shared/model/request'

describe('resolveText', () => {
  it('replaces known names, tolerates spaces in braces, leaves unknown ones', () => {
    expect(resolveText('{{base}}/u/{{ id }}/{{missing}}', { base: 'http://h', id: '7' })).toBe(
      'http://h/u/7/{{missing}}',
    )
  })

  it('resolves values that refer to other variables, and stops on a cycle', () => {
    expect(resolveText('{{url}}', { url: '{{host}}/x', host: 'h' })).toBe('h/x')
    expect(resolveText('{{a}}', { a: '{{b}}', b: '{{a}}' })).toMatch(/\{\{[ab]\}\}/)
  })

  it('lists names once in order', () => {
    expect(findVariables('{{a}} {{b}} {{a}}')).toEqual(['a', 'b'])
  })
})

describe('resolveRequest', () => {
  const spec: RequestSpec = {
    ...emptyRequest(),
    method: 'POST',
    url: '{{base}}/post',
    params: [{ key: 'q', value: '{{q}}', enabled: true }],
    headers: [
      { key: 'X-Token', value: '{{token}}', enabled: true },
      { key: 'X-Off', value: '{{disabledOnly}}', enabled: false },
    ],
    body: { type: 'json', text: '{"user":"{{user}}"}' },
    auth: { type: 'bearer', token: '{{token}}' },
  }

  it('resolves URL, params, headers, body and auth', () => {
    const { spec: out, unresolved } = resolveRequest(spec, {
      base: 'http://h',
      q: 'x',
      token: 't0k',
      user: 'jane',
    })
    expect(unresolved).toEqual([])
    expect(out.url).toBe('http://h/post')
    expect(out.params[0]!.value).toBe('x')
    expect(out.headers[0]!.value).toBe('t0k')
    expect(out.body).toEqual({ type: 'json', text: '{"user":"jane"}' })
    expect(out.auth).toEqual({ type: 'bearer', token: 't0k' })
  })

  it('lists unresolved names from enabled parts only', () => {
    const { unresolved } = resolveRequest(spec, { base: 'http://h' })
    expect(unresolved).toEqual(['q', 'token', 'user'])
  })

  it('leaves disabled form fields and multipart parts out of the unresolved names', () => {
    const form = resolveRequest(
      {
        ...emptyRequest(),
        body: {
          type: 'form',
          fields: [
            { key: 'on', value: '{{sent}}', enabled: true },
            { key: '{{offKey}}', value: '{{offValue}}', enabled: false },
          ],
        },
      },
      {},
    )
    expect(form.unresolved).toEqual(['sent'])
    const multipart = resolveRequest(
      {
        ...emptyRequest(),
        body: {
          type: 'multipart',
          parts: [
            { kind: 'text', key: 'note', value: '{{note}}', enabled: true },
            { kind: 'text', key: 'old', value: '{{oldNote}}', enabled: false },
            { kind: 'file', key: 'upload', path: '{{offPath}}', enabled: false },
          ],
        },
      },
      {},
    )
    expect(multipart.unresolved).toEqual(['note'])
    // Disabled rows are still resolved, so a row turned back on shows its values.
    const kept = resolveRequest(multipart.spec, { oldNote: 'kept' })
    expect(kept.spec.body).toMatchObject({ parts: [{}, { value: 'kept' }, {}] })
  })
})

import { describe, expect, it } from 'vitest'
import { withRepeatedBody, withoutRepeatedBody } from '../../shared/logic/sendContextBody'
import { emptyRequest, type RequestSpec } from '../../shared/model/request'

const big = 'x'.repeat(300_000)
const request = (body: RequestSpec['body']): RequestSpec => ({ ...emptyRequest(), body })

describe('a big body sent once per http:send', () => {
  it('leaves it out of the edited request when it is the body sent, and puts it back', () => {
    const spec = request({ type: 'json', text: big })
    const edited = { ...spec, headers: [] }
    const wire = withoutRepeatedBody(spec, { edited, requestPath: 'a.request.json' })
    expect(wire.editedBodyIsSent).toBe(true)
    expect(wire.context.edited!.body).toEqual({ type: 'none' })
    expect(wire.context.requestPath).toBe('a.request.json')
    expect(withRepeatedBody(spec, wire.context, wire.editedBodyIsSent)).toEqual({
      edited,
      requestPath: 'a.request.json',
    })
  })

  it('sends the edited body itself when it differs, is small, or is not the same kind', () => {
    const spec = request({ type: 'json', text: big })
    const other = { ...spec, body: { type: 'json' as const, text: `${big}y` } }
    const small = request({ type: 'json', text: '{"a":1}' })
    const raw = request({ type: 'raw', text: big, contentType: 'text/csv' })
    const rawAsJson = { ...raw, body: { type: 'json' as const, text: big } }
    for (const [sent, edited] of [
      [spec, other],
      [small, small],
      [raw, rawAsJson],
    ] as const) {
      expect(withoutRepeatedBody(sent, { edited })).toEqual({
        context: { edited },
        editedBodyIsSent: false,
      })
    }
    // Nothing left out: nothing put back.
    expect(withRepeatedBody(spec, { edited: small }, false)).toEqual({ edited: small })
  })
})

import { describe, expect, it } from 'vitest'
import { emptyRequest, type RequestSpec } from '../../../shared/model/request'
import { BaselineCache, snapshotOf } from '../../../renderer/src/stores/draftBaseline'

const withBody = (text: string): RequestSpec => ({
  ...emptyRequest(),
  body: { type: 'json', text },
})

describe('unsaved changes of a draft', () => {
  it('follow the body text and everything else, compared in parts', () => {
    const cache = new BaselineCache()
    const spec = withBody('{"a":1}')
    const baseline = cache.take('t', spec, [])
    expect(baseline).toBe(snapshotOf(spec, []))
    expect(cache.isDirty('t', baseline, spec, [])).toBe(false)
    expect(cache.isDirty('t', baseline, withBody('{"a":2}'), [])).toBe(true)
    expect(cache.isDirty('t', baseline, { ...spec, method: 'POST' }, [])).toBe(true)
    const variable = { name: 'x', value: '1', enabled: true, secret: false }
    expect(cache.isDirty('t', baseline, spec, [variable])).toBe(true)
  })

  it('work from a baseline restored from the app state, and from none', () => {
    const cache = new BaselineCache()
    const spec = withBody('x'.repeat(300_000))
    const restored = snapshotOf(spec, [])
    expect(cache.isDirty('t', restored, withBody('x'.repeat(300_000)), [])).toBe(false)
    expect(cache.isDirty('t', restored, withBody('x'.repeat(299_999) + 'y'), [])).toBe(true)
    expect(cache.isDirty('u', '', spec, [])).toBe(true)
  })
})

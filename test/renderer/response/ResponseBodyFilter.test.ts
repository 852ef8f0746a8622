import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import ResponseBodyViewer from '../../../renderer/src/components/response/ResponseBodyViewer.vue'
import type { ResponseRecord } from '../../../shared/model/response'
import { useFakeApi } from '../fakeApi'
import { byRole, queryByRole, shownRows, statuses } from './byRole'
import { sampleResponse } from './sampleResponse'
import { lazyPartsLoaded } from '../lazyParts'

const fake = useFakeApi()

const ITEMS = JSON.stringify({
  items: [
    { name: 'pen', price: 2 },
    { name: 'book', price: 12 },
    { name: 'lamp', price: 30 },
  ],
})

/** A small, complete JSON body that the Node side also keeps (so it can be filtered). */
function keptSmall(body = ITEMS): ResponseRecord {
  return sampleResponse({
    body,
    bodyId: fake().bodies.keep(body),
    sizes: { headers: 180, body: body.length, encodedBody: body.length },
  })
}

async function mountViewer(response: ResponseRecord) {
  const w = mount(ResponseBodyViewer, { props: { response }, attachTo: document.body })
  await flushPromises()
  await lazyPartsLoaded()
  return w
}
type Viewer = Awaited<ReturnType<typeof mountViewer>>

async function filter(w: Viewer, expression: string, how: 'button' | 'enter' = 'button') {
  const box = byRole(w, 'textbox', 'JSONPath filter')
  await box.setValue(expression)
  if (how === 'enter') await box.trigger('submit')
  else await byRole(w, 'button', 'Apply').trigger('click')
  await flushPromises()
}

const editors = (w: Viewer) =>
  w.findAllComponents(BaseCodeEditor).map((e) => ({
    label: e.props('label'),
    text: e.vm.view!.state.doc.toString(),
  }))

describe('ResponseBodyViewer JSONPath filter', () => {
  it('is offered only for JSON the Node side keeps', async () => {
    const w = await mountViewer(sampleResponse())
    expect(queryByRole(w, 'textbox', 'JSONPath filter')).toBeNull()
    await w.setProps({ response: keptSmall() })
    const box = byRole(w, 'textbox', 'JSONPath filter')
    expect(box.attributes('placeholder')).toBe('$.items[?(@.price > 10)].name')
  })

  it('shows the matches in place of the body, and Clear filter brings it back', async () => {
    const w = await mountViewer(keptSmall())
    await filter(w, '$.items[*].name')
    expect(statuses(w)).toContain('3 matches')
    expect(editors(w)).toEqual([
      { label: 'Filter result', text: '[\n  "pen",\n  "book",\n  "lamp"\n]' },
    ])
    expect(fake().bodies.released).toEqual([])

    await byRole(w, 'button', 'Clear filter').trigger('click')
    await flushPromises()
    expect(editors(w)[0]!.label).toBe('Response body text')
    expect(statuses(w)).not.toContain('3 matches')
    expect(fake().bodies.released).toEqual(['body-2'])

    // A result still shown when the viewer goes is released too.
    await filter(w, '$.items[0].name')
    w.unmount()
    await flushPromises()
    expect(fake().bodies.released).toEqual(['body-2', 'body-3'])
  })

  it('runs on Enter and shows why an expression fails, next to the filter', async () => {
    const w = await mountViewer(keptSmall())
    await filter(w, '$.items[', 'enter')
    expect(byRole(w, 'alert', /./).text()).toBe('Invalid JSONPath near "[".')
    expect(editors(w)[0]!.label).toBe('Response body text')

    await filter(w, '$.items[1]', 'enter')
    expect(queryByRole(w, 'alert', /./)).toBeNull()
    expect(statuses(w)).toContain('1 match')
  })

  it('shows a large result in the large viewer and releases results it replaces', async () => {
    fake().bodies.control.previewChars = 10
    const w = await mountViewer(keptSmall())
    await filter(w, '$.items[*]')
    const firstResult = 'body-2'
    expect(w.findComponent(BaseCodeEditor).exists()).toBe(false)
    expect(shownRows(w).map((r) => r.text)).toContain('"name": "book",')

    await filter(w, '$.items[0]')
    expect(fake().bodies.released).toEqual([firstResult])

    // Another response: the filter goes, its result with it; the response's body stays kept.
    const next = keptSmall('{"a":1}')
    await w.setProps({ response: next })
    await flushPromises()
    expect(fake().bodies.released).toEqual([firstResult, 'body-3'])
    expect(byRole(w, 'textbox', 'JSONPath filter').element).toHaveProperty('value', '')
    w.unmount()
    await flushPromises()
    expect(fake().bodies.released).not.toContain(next.bodyId)
  })
})

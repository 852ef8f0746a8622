import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import ResponseBodyViewer from '../../../renderer/src/components/response/ResponseBodyViewer.vue'
import { sampleResponse } from './sampleResponse'

// happy-dom has no Worker: formatInBackground formats on this thread, so Format completes here.

/** A compact JSON array `chars` characters long or a little more. */
function jsonOf(chars: number): string {
  const parts: string[] = []
  let length = 2
  for (let id = 0; length < chars; id++) {
    const part = JSON.stringify({ id, name: `user ${id}` })
    parts.push(part)
    length += part.length + 1
  }
  return `[${parts.join(',')}]`
}

function mountViewer(body: string) {
  const response = sampleResponse({
    body,
    sizes: { headers: 180, body: body.length, encodedBody: body.length },
  })
  return mount(ResponseBodyViewer, { props: { response }, attachTo: document.body })
}
type Viewer = ReturnType<typeof mountViewer>

const editorText = (w: Viewer) => w.getComponent(BaseCodeEditor).vm.view!.state.doc.toString()
const checked = (w: Viewer, view: string) =>
  w.get<HTMLInputElement>(`input[value="${view}"]`).element.checked
const formatButton = (w: Viewer) => w.findAll('button').find((b) => b.text() === 'Format')

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ResponseBodyViewer with a large body', () => {
  it('opens a body over 1 MB in Raw, as received, with a note and a Format button', async () => {
    const body = jsonOf(1_200_000)
    const w = mountViewer(body)
    expect(checked(w, 'raw')).toBe(true)
    expect(editorText(w)).toBe(body)
    expect(w.text()).toMatch(/Large response \(1\.14 MB\): shown as received\./)
    const button = formatButton(w)
    expect(button?.exists()).toBe(true)

    await button!.trigger('click')
    await flushPromises()
    expect(checked(w, 'pretty')).toBe(true)
    expect(editorText(w)).toBe(JSON.stringify(JSON.parse(body), null, 2))
    expect(w.text()).not.toContain('Large response')
    w.unmount()
  })

  it('opens a body under the threshold in Pretty, with no note', () => {
    const body = jsonOf(900_000)
    const w = mountViewer(body)
    expect(checked(w, 'pretty')).toBe(true)
    expect(editorText(w)).toBe(JSON.stringify(JSON.parse(body), null, 2))
    expect(w.text()).not.toContain('Large response')
    expect(formatButton(w)).toBeUndefined()
    w.unmount()
  })

  it('goes back to Pretty when a small response follows a large one', async () => {
    const w = mountViewer(jsonOf(1_200_000))
    expect(checked(w, 'raw')).toBe(true)
    await w.setProps({ response: sampleResponse() })
    expect(checked(w, 'pretty')).toBe(true)
    expect(editorText(w)).toBe(JSON.stringify(JSON.parse(sampleResponse().body), null, 2))
    w.unmount()
  })
})

import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import ResponseBodyViewer from '../../../renderer/src/components/response/ResponseBodyViewer.vue'
import type { ResponseRecord } from '../../../shared/model/response'
import { RAW_ROW_BYTES } from '../../../shared/model/body'
import { useFakeApi } from '../fakeApi'
import { byRole, queryByRole, shownRows, statuses, firstTexts } from './byRole'
import { sampleResponse } from './sampleResponse'
import { lazyPartsLoaded } from '../lazyParts'

// A complete body over 1 MB (e.g. from history) is still formatted in a worker here;
// happy-dom has no Worker: inBackground formats on this thread, so Format completes.

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

async function mountViewer(body: string) {
  const response = sampleResponse({
    body,
    sizes: { headers: 180, body: body.length, encodedBody: body.length },
  })
  const w = mount(ResponseBodyViewer, { props: { response }, attachTo: document.body })
  await lazyPartsLoaded()
  return w
}
type Viewer = Awaited<ReturnType<typeof mountViewer>>

const editorText = (w: Viewer) => w.getComponent(BaseCodeEditor).vm.view!.state.doc.toString()
const checked = (w: Viewer, view: string) =>
  w.get<HTMLInputElement>(`input[value="${view}"]`).element.checked
const formatButton = (w: Viewer) => w.findAll('button').find((b) => b.text() === 'Format')

const fake = useFakeApi()

describe('ResponseBodyViewer with a large complete body', () => {
  it('opens a body over 1 MB in Raw, as received, with a note and a Format button', async () => {
    const body = jsonOf(1_200_000)
    const w = await mountViewer(body)
    expect(checked(w, 'raw')).toBe(true)
    expect(editorText(w)).toBe(body)
    expect(w.text()).toMatch(/Large response \(1\.14 MB\): shown as received\./)
    const button = formatButton(w)
    expect(button?.exists()).toBe(true)

    await button!.trigger('click')
    // Formatted off the UI thread; here (no Worker) inline, once its module has loaded.
    await expect.poll(async () => (await flushPromises(), checked(w, 'pretty'))).toBe(true)
    expect(editorText(w)).toBe(JSON.stringify(JSON.parse(body), null, 2))
    expect(w.text()).not.toContain('Large response')
    w.unmount()
  })

  it('opens a body under the threshold in Pretty, with no note', async () => {
    const body = jsonOf(900_000)
    const w = await mountViewer(body)
    expect(checked(w, 'pretty')).toBe(true)
    expect(editorText(w)).toBe(JSON.stringify(JSON.parse(body), null, 2))
    expect(w.text()).not.toContain('Large response')
    expect(formatButton(w)).toBeUndefined()
    w.unmount()
  })

  it('goes back to Pretty when a small response follows a large one', async () => {
    const w = await mountViewer(jsonOf(1_200_000))
    expect(checked(w, 'raw')).toBe(true)
    await w.setProps({ response: sampleResponse() })
    expect(checked(w, 'pretty')).toBe(true)
    expect(editorText(w)).toBe(JSON.stringify(JSON.parse(sampleResponse().body), null, 2))
    w.unmount()
  })
})

/** A response whose body the Node side keeps: only its start came with the record. */
function keptResponse(body: string, over: Partial<ResponseRecord> = {}): ResponseRecord {
  const binary = over.bodyEncoding === 'base64'
  return sampleResponse({
    body: binary ? body : body.slice(0, 64 * 1024),
    bodyComplete: false,
    bodyId: fake().bodies.keep(body),
    sizes: { headers: 180, body: body.length, encodedBody: body.length },
    ...over,
  })
}

async function mountKept(response: ResponseRecord) {
  const w = mount(ResponseBodyViewer, { props: { response }, attachTo: document.body })
  await flushPromises()
  await lazyPartsLoaded()
  return w
}

describe('ResponseBodyViewer with a body kept on the Node side', () => {
  it('shows it in the large viewer and never copies a part of it', async () => {
    const body = jsonOf(2_000_000)
    const w = await mountKept(keptResponse(body))
    expect(w.findComponent(BaseCodeEditor).exists()).toBe(false)
    // JSON of 1.91 MB: formatted on the Node side, shown a screenful at a time.
    expect(byRole(w, 'radio', 'Pretty').element).toHaveProperty('checked', true)
    expect(firstTexts(w, 3)).toEqual(['[', '{', '"id": 0,'])
    // One view switch, the large viewer's.
    expect(w.findAll('[role="radiogroup"]')).toHaveLength(1)
    await byRole(w, 'radio', 'Raw').trigger('change')
    await flushPromises()
    expect(w.text()).toContain('Large response (1.91 MB): shown as received.')
    // One long line, cut into rows by the Node side.
    expect(shownRows(w)[0]!.text).toBe(body.slice(0, RAW_ROW_BYTES))
    expect(shownRows(w)[1]!.number).toBe(2)
    const copy = byRole(w, 'button', 'Copy')
    expect(copy.attributes('disabled')).toBeDefined()
    expect(copy.attributes('title')).toMatch(/use Save to file/)
    expect(byRole(w, 'textbox', 'Search body').exists()).toBe(true)
  })

  it('saves through the Node side: a path in the app, a download link in the browser', async () => {
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    const response = keptResponse(jsonOf(1_100_000))
    const w = await mountKept(response)
    await byRole(w, 'button', 'Save to file').trigger('click')
    await flushPromises()
    expect(fake().bodies.saves).toEqual([{ bodyId: response.bodyId, fileName: 'response.json' }])
    expect(statuses(w)).toContain('Saved to /tmp/response.json')

    fake().bodies.control.saveResult = { outcome: 'download', url: '/bodies/b1?token=t' }
    await byRole(w, 'button', 'Save to file').trigger('click')
    await flushPromises()
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.getAttribute('href')).toBe('/bodies/b1?token=t')
    expect(clicked[0]!.download).toBe('response.json')
    expect(document.querySelector('a[download]')).toBeNull()

    fake().bodies.control.saveResult = { outcome: 'cancelled' }
    await byRole(w, 'button', 'Save to file').trigger('click')
    await flushPromises()
    expect(fake().bodies.saves).toHaveLength(3)
    expect(clicked).toHaveLength(1)
  })

  it('holds a body over the size limit back until asked, and saves or shows it', async () => {
    const body = jsonOf(3_000_000)
    const w = await mountKept(keptResponse(body, { overLimit: true, body: '' }))
    const note = byRole(w, 'group', 'Response over the size limit')
    expect(note.text()).toContain(
      'This response is 2.86 MB, over the "Max response size" limit. It was received in full and kept: save it to a file, or show it anyway.',
    )
    expect(note.text()).toContain("request's Settings tab")
    expect(queryByRole(w, 'region', 'Response body lines')).toBeNull()

    await byRole(note, 'button', 'Save to file').trigger('click')
    await flushPromises()
    expect(fake().bodies.saves).toHaveLength(1)

    await byRole(note, 'button', 'Show it').trigger('click')
    await flushPromises()
    expect(queryByRole(w, 'group', 'Response over the size limit')).toBeNull()
    expect(shownRows(w).length).toBeGreaterThan(0)
  })

  it('describes a large binary body with a hex preview of its first bytes', async () => {
    const pdfStart = btoa('%PDF-1.7\n' + 'x'.repeat(100))
    const w = await mountKept(
      keptResponse(pdfStart, {
        bodyEncoding: 'base64',
        mediaType: 'application/pdf',
        charset: '',
        sizes: { headers: 100, body: 5_000_000, encodedBody: 5_000_000 },
      }),
    )
    expect(w.text()).toContain('Binary body (5,000,000 bytes, application/pdf)')
    expect(w.get('[aria-label="Hex preview"]').text()).toMatch(/^00000000 {2}25 50 44 46 2d/)
    expect(queryByRole(w, 'region', 'Response body lines')).toBeNull()
    expect(w.findAll('button').map((b) => b.text())).toEqual(['Save to file'])
    await byRole(w, 'button', 'Save to file').trigger('click')
    await flushPromises()
    expect(fake().bodies.saves[0]!.fileName).toBe('response.pdf')
  })

  it('leaves the release of the response body to the exchange store', async () => {
    const w = await mountKept(keptResponse(jsonOf(1_100_000)))
    w.unmount()
    await flushPromises()
    expect(fake().bodies.released).toEqual([])
  })
})

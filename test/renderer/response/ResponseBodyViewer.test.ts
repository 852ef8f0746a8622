import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import ResponseBodyViewer from '../../../renderer/src/components/response/ResponseBodyViewer.vue'
import type { ResponseRecord } from '../../../shared/model/response'
import { sampleResponse } from './sampleResponse'
import { lazyPartsLoaded } from '../lazyParts'

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

async function mountViewer(response: ResponseRecord) {
  const w = mount(ResponseBodyViewer, { props: { response }, attachTo: document.body })
  await lazyPartsLoaded()
  return w
}
type Viewer = Awaited<ReturnType<typeof mountViewer>>

const editorText = (w: Viewer) => w.getComponent(BaseCodeEditor).vm.view!.state.doc.toString()
const radios = (w: Viewer) => w.findAll('[role="radiogroup"] label').map((label) => label.text())
async function choose(w: Viewer, name: string) {
  const label = w.findAll('[role="radiogroup"] label').find((l) => l.text() === name)!
  await label.get('input').setValue(true)
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('ResponseBodyViewer', () => {
  it('pretty-prints JSON in a read-only, labelled editor; Raw shows it as received', async () => {
    const body = '{"id":1,"tags":["a","b"]}'
    const w = await mountViewer(sampleResponse({ body }))
    expect(w.get('[role="group"]').attributes('aria-label')).toBe('Response body')
    expect(radios(w)).toEqual(['Pretty', 'Raw'])
    expect(w.get<HTMLInputElement>('input[value="pretty"]').element.checked).toBe(true)
    expect(editorText(w)).toBe('{\n  "id": 1,\n  "tags": [\n    "a",\n    "b"\n  ]\n}')
    const textbox = w.get('[role="textbox"]')
    expect(textbox.attributes('aria-label')).toBe('Response body text')
    expect(textbox.attributes('aria-readonly')).toBe('true')

    await choose(w, 'Raw')
    expect(editorText(w)).toBe(body)
  })

  it('shows JSON that does not parse as received, and says so', async () => {
    const w = await mountViewer(sampleResponse({ body: '{"id": 1,' }))
    expect(editorText(w)).toBe('{"id": 1,')
    expect(w.text()).toContain('not valid JSON')
  })

  it('shows valid JSON nested too deeply to indent as received, and says why', async () => {
    // 20,000 levels: indented, over 400 million characters, more than a string can hold.
    const body = '['.repeat(20_000) + ']'.repeat(20_000)
    const w = await mountViewer(sampleResponse({ body }))
    expect(editorText(w)).toBe(body)
    expect(w.text()).toContain('nested too deeply to pretty-print')
    expect(w.text()).not.toContain('not valid JSON')
  })

  it('previews HTML in an iframe sandboxed with no permissions', async () => {
    const html = '<h1>Hello</h1><script>alert(1)</script>'
    const w = await mountViewer(
      sampleResponse({
        body: html,
        mediaType: 'text/html',
        headers: [['Content-Type', 'text/html']],
      }),
    )
    expect(radios(w)).toEqual(['Pretty', 'Raw', 'Preview'])
    expect(w.find('iframe').exists()).toBe(false)
    await choose(w, 'Preview')
    const frame = w.get('iframe')
    expect(frame.attributes('sandbox')).toBe('')
    expect(frame.attributes('title')).toBe('Response preview')
    expect((frame.element as HTMLIFrameElement).srcdoc).toBe(html)
    expect(w.findComponent(BaseCodeEditor).exists()).toBe(false)
  })

  it('describes a binary body instead of dumping base64, and previews images', async () => {
    const w = await mountViewer(
      sampleResponse({
        body: PNG_BASE64,
        bodyEncoding: 'base64',
        mediaType: 'image/png',
        charset: '',
        sizes: { headers: 100, body: 1234, encodedBody: 1234 },
      }),
    )
    expect(w.text()).toContain('Binary body (1,234 bytes, image/png)')
    expect(w.text()).not.toContain(PNG_BASE64.slice(0, 20))
    // A PNG starts with 89 'PNG' \r \n 1a \n: shown as hex and safe ASCII, never as mojibake.
    expect(w.get('[aria-label="Hex preview"]').text()).toMatch(
      /^00000000 {2}89 50 4e 47 0d 0a 1a 0a .*\|\.PNG\.\.\.\./,
    )
    expect(w.findComponent(BaseCodeEditor).exists()).toBe(false)
    expect(w.findAll('button').map((b) => b.text())).toEqual(['Save to file'])

    await choose(w, 'Raw')
    expect(w.text()).toContain('Binary body (1,234 bytes, image/png)')

    await choose(w, 'Preview')
    const img = w.get('img')
    expect(img.attributes('alt')).toBe('Response image preview')
    expect(img.attributes('src')).toBe(`data:image/png;base64,${PNG_BASE64}`)
  })

  it('copies the body and confirms, or explains why it could not', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = await mountViewer(sampleResponse({ body: '{"a":1}' }))
    await w
      .findAll('button')
      .find((b) => b.text() === 'Copy')!
      .trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('{"a":1}')
    expect(w.get('[role="status"]').text()).toBe('Copied')

    writeText.mockRejectedValueOnce(new Error('Document is not focused.'))
    await w
      .findAll('button')
      .find((b) => b.text() === 'Copy')!
      .trigger('click')
    await flushPromises()
    expect(w.get('[role="status"]').text()).toBe('Could not copy: Document is not focused.')
  })

  it('saves the body through a download link named after the media type', async () => {
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob)
      return 'blob:courier/1'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    const w = await mountViewer(
      sampleResponse({ body: 'AAH/', bodyEncoding: 'base64', mediaType: 'application/pdf' }),
    )
    await w
      .findAll('button')
      .find((b) => b.text() === 'Save to file')!
      .trigger('click')
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('response.pdf')
    expect(clicked[0]!.href).toBe('blob:courier/1')
    expect(created[0]!.type).toBe('application/pdf')
    expect([...new Uint8Array(await created[0]!.arrayBuffer())]).toEqual([0, 1, 255])
    expect(document.querySelector('a[download]')).toBeNull()
  })
})

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResponseSummary from '../../../renderer/src/components/response/ResponseSummary.vue'
import { sampleResponse } from './sampleResponse'

const byLabel = (w: ReturnType<typeof mount>, label: string) => w.get(`[aria-label="${label}"]`)

describe('ResponseSummary', () => {
  it('shows status, time and size, each under its own label', () => {
    const w = mount(ResponseSummary, {
      props: {
        response: sampleResponse({
          timings: { dns: 0, connect: 0, tls: 0, firstByte: 100, download: 23.4, total: 123.4 },
          sizes: { headers: 200, body: 1536, encodedBody: 1536 },
        }),
      },
    })
    // The exact text content: the label must not leak into it.
    expect(byLabel(w, 'Response status').element.textContent).toBe('200 OK')
    expect(byLabel(w, 'Response time').element.textContent).toBe('123 ms')
    expect(byLabel(w, 'Response size').element.textContent).toBe('1.5 KB')
    expect(byLabel(w, 'Response size').attributes('title')).toContain('Headers: 200 B')
    expect(byLabel(w, 'Response size').attributes('title')).not.toContain('compressed')
  })

  it('colours the status by family and switches to seconds past 1000 ms', () => {
    const w = mount(ResponseSummary, {
      props: {
        response: sampleResponse({
          status: 404,
          statusText: 'Not Found',
          timings: { dns: 0, connect: 0, tls: 0, firstByte: 1000, download: 240, total: 1240 },
        }),
      },
    })
    const status = byLabel(w, 'Response status')
    expect(status.text()).toBe('404 Not Found')
    expect(status.classes()).toContain('status-4xx')
    expect(status.classes()).not.toContain('status-2xx')
    expect(byLabel(w, 'Response time').text()).toBe('1.24 s')
  })

  it('names the wire size when the body came compressed', () => {
    const w = mount(ResponseSummary, {
      props: {
        response: sampleResponse({ sizes: { headers: 300, body: 10 * 1024, encodedBody: 2048 } }),
      },
    })
    expect(byLabel(w, 'Response size').text()).toBe('10 KB')
    expect(byLabel(w, 'Response size').attributes('title')).toContain(
      'Transferred (compressed): 2 KB',
    )
  })
})

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResponseTimeline from '../../../renderer/src/components/response/ResponseTimeline.vue'
import { sampleResponse } from './sampleResponse'

const textOf = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim()

describe('ResponseTimeline', () => {
  it('lists each redirect hop, then the final status and URL', () => {
    const w = mount(ResponseTimeline, {
      props: {
        response: sampleResponse({
          url: 'https://example.test/final',
          redirects: [
            { status: 301, url: 'http://example.test/a', location: 'https://example.test/b' },
            { status: 302, url: 'https://example.test/b', location: 'https://example.test/final' },
          ],
        }),
      },
    })
    const hops = w.findAll('[aria-label="Redirect chain"] li').map((li) => textOf(li.element))
    expect(hops).toEqual([
      '301 http://example.test/a → https://example.test/b',
      '302 https://example.test/b → https://example.test/final',
      '200 OK https://example.test/final HTTP/1.1',
    ])
    expect(w.text()).not.toContain('No redirects.')
  })

  it('names the credential headers a hop to another origin did not get, never their values', () => {
    const w = mount(ResponseTimeline, {
      props: {
        response: sampleResponse({
          url: 'http://other.test/landed',
          redirects: [
            {
              status: 302,
              url: 'http://example.test/a',
              location: 'http://other.test/landed',
              strippedHeaders: ['Authorization', 'X-API-Key'],
            },
          ],
        }),
      },
    })
    const hop = textOf(w.findAll('[aria-label="Redirect chain"] li')[0]!.element)
    expect(hop).toBe(
      '302 http://example.test/a → http://other.test/landed Not sent on to this other origin: Authorization, X-API-Key',
    )
  })

  it('draws the five phases offset by their start, widths over the total', () => {
    const w = mount(ResponseTimeline, {
      props: {
        response: sampleResponse({
          timings: { dns: 10, connect: 20, tls: 30, firstByte: 40, download: 100, total: 200 },
        }),
      },
    })
    const items = w.findAll('ul[aria-label="Timings"] li')
    expect(items.map((li) => textOf(li.element))).toEqual([
      'DNS 10 ms',
      'Connect 20 ms',
      'TLS 30 ms',
      'First byte 40 ms',
      'Download 100 ms',
      'Total 200 ms',
    ])
    const bars = w.findAll('.bar').map((b) => (b.element as HTMLElement).style)
    expect(bars.map((s) => s.left)).toEqual(['0%', '5%', '15%', '30%', '50%'])
    expect(bars.map((s) => s.width)).toEqual(['5%', '10%', '15%', '20%', '50%'])
    expect(w.text()).not.toContain('Connection reused')
  })

  it('says when the connection was reused', () => {
    const w = mount(ResponseTimeline, {
      props: {
        response: sampleResponse({
          timings: { dns: 0, connect: 0, tls: 0, firstByte: 4, download: 1, total: 5 },
        }),
      },
    })
    expect(w.text()).toContain('Connection reused: no DNS, connect or TLS')
    // Phases that took no time draw no bar.
    expect(w.findAll('.bar')).toHaveLength(2)
    expect(w.text()).toContain('No redirects.')
  })

  it('shows the TLS protocol, cipher and each certificate of the chain; nothing for plain HTTP', () => {
    const cert = (subject: string, issuer: string, fingerprint256: string) => ({
      subject,
      issuer,
      validFrom: 'Dec  4 04:55:49 2026 GMT',
      validTo: 'Dec  6 04:55:49 2026 GMT',
      fingerprint256,
    })
    const w = mount(ResponseTimeline, {
      props: {
        response: sampleResponse({
          tls: {
            protocol: 'TLSv1.3',
            cipher: 'TLS_AES_256_GCM_SHA384',
            authorized: false,
            authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
            chain: [
              cert('CN=localhost', 'CN=Test CA', 'AA:01'),
              cert('CN=Test CA', 'CN=Test CA', 'BB:02'),
            ],
          },
        }),
      },
    })
    expect(textOf(w.find('[aria-label="TLS connection"]').element)).toBe(
      'Protocol TLSv1.3 Cipher TLS_AES_256_GCM_SHA384 Verification Not verified (SELF_SIGNED_CERT_IN_CHAIN)',
    )
    const chain = w.findAll('[aria-label="Certificate chain"] li').map((li) => textOf(li.element))
    expect(chain).toEqual([
      'CN=localhost Issued by CN=Test CA Valid Dec 4 04:55:49 2026 GMT to Dec 6 04:55:49 2026 GMT SHA-256 AA:01',
      'CN=Test CA Issued by CN=Test CA Valid Dec 4 04:55:49 2026 GMT to Dec 6 04:55:49 2026 GMT SHA-256 BB:02',
    ])
    const plain = mount(ResponseTimeline, { props: { response: sampleResponse({}) } })
    expect(plain.find('[aria-label="Certificate chain"]').exists()).toBe(false)
  })
})

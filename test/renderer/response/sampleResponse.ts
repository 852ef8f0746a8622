import type { ResponseRecord } from '../../../shared/model/response'

/** A plausible JSON response; override what a test is about. */
export function sampleResponse(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  const body = '{"id":1,"name":"Ada","tags":["a","b"]}'
  return {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    url: 'http://127.0.0.1:3000/users/1',
    headers: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ],
    body,
    bodyComplete: true,
    bodyId: null,
    overLimit: false,
    bodyEncoding: 'utf8',
    mediaType: 'application/json',
    charset: 'utf-8',
    sizes: { headers: 180, body: body.length, encodedBody: body.length },
    redirects: [],
    timings: { dns: 1.2, connect: 2.5, tls: 0, firstByte: 40, download: 3, total: 47 },
    sent: {
      method: 'GET',
      url: 'http://127.0.0.1:3000/users/1',
      headers: [],
      bodySummary: 'none',
    },
    ...overrides,
  }
}

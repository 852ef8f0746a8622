import type { ClientRequest, IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import type { AxiosResponse } from 'axios'
import type { ResponseRecord } from '../../../shared/model/response'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { BodyStore } from '../bodies/bodyStore'
import type { ExchangeSignal } from './abort'
import type { ExchangeClock } from './exchangeClock'
import { setCookieValues, type CookieHooks, type RedirectTrail } from './redirects'
import { keepResponseBody, receiveResponseBody } from './responseBody'
import { toResponseRecord } from './responseRecord'
import { tlsConnectionOf } from './tlsPeer'

/** What the final response of an exchange is received and recorded with. */
export interface FinalResponse {
  response: AxiosResponse<Readable>
  settings: RequestDefaults
  bodies: BodyStore
  /** Decoded bytes after which receiving stops. */
  hardLimit: number
  abort: ExchangeSignal
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void
  jar: CookieHooks | null
  redirects: RedirectTrail
  clock: ExchangeClock
  /** What the request sent (to its own URL; a redirect's headers are in its hop). */
  sent: { method: string; headers: [string, string][]; bodySummary: string }
}

/**
 * The end of an exchange: keeps the final response's cookies, receives its body into the
 * store and assembles the ResponseRecord with the hops, timings, TLS and what was sent.
 */
export async function recordFinalResponse(final: FinalResponse): Promise<ResponseRecord> {
  const { response, settings, bodies, redirects, clock } = final
  clock.responded()
  const request = response.request as ClientRequest & { res?: IncomingMessage }
  const native = request.res
  // Read now: once the body is in, the socket may go back to the pool.
  const tls = tlsConnectionOf(native?.socket)
  final.jar?.keep(setCookieValues(native?.headers['set-cookie']), redirects.finalUrl)
  const received = await receiveResponseBody(response.data, native?.headers, {
    bodies,
    hardLimit: final.hardLimit,
    maxResponseBytes: settings.maxResponseBytes,
    abort: final.abort,
    onProgress: final.onProgress,
  })
  clock.ended()
  return toResponseRecord({
    status: response.status,
    statusText: response.statusText,
    native,
    body: await keepResponseBody(received, native?.headers['content-type'], bodies),
    maxResponseBytes: settings.maxResponseBytes,
    redirects: redirects.hops,
    finalUrl: redirects.finalUrl,
    timings: clock.timings(request),
    sent: {
      method: final.sent.method,
      url: redirects.finalUrl,
      headers: final.sent.headers,
      bodySummary: final.sent.bodySummary,
    },
    tls,
  })
}

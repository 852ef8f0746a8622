import type { IncomingMessage } from 'node:http'
import type {
  RedirectHop,
  ResponseRecord,
  SentRequest,
  Timings,
} from '../../../shared/model/response'
import type { TlsConnection } from '../../../shared/model/tls'
import type { KeptResponseBody } from './responseBody'

/** What one finished exchange produced, gathered by the engine. */
export interface ExchangeOutcome {
  /** The final status as axios parsed it. */
  status: number
  statusText: string
  /** Node's response: its rawHeaders keep the order and the repeats axios's headers lose. */
  native: IncomingMessage | undefined
  body: KeptResponseBody
  /** "Max response size" of the request, past which the body is kept but not shown. */
  maxResponseBytes: number
  redirects: RedirectHop[]
  /** Where the exchange ended, after redirects. */
  finalUrl: string
  timings: Timings
  sent: SentRequest
  tls?: TlsConnection
}

/** Turns a finished exchange into the ResponseRecord the renderer, history and CLI read. */
export function toResponseRecord(outcome: ExchangeOutcome): ResponseRecord {
  const { native, body } = outcome
  const headers = headerPairs(native?.rawHeaders ?? [])
  const statusLine = `HTTP/${native?.httpVersion ?? '1.1'} ${outcome.status} ${outcome.statusText}\r\n`
  return {
    status: outcome.status,
    statusText: native?.statusMessage ?? outcome.statusText ?? '',
    httpVersion: native?.httpVersion ?? '1.1',
    url: outcome.finalUrl,
    headers,
    ...body.decoded,
    bodyComplete: body.complete,
    bodyId: body.bodyId,
    overLimit: body.size > outcome.maxResponseBytes,
    sizes: {
      // The status line, each "Name: value\r\n", and the blank line that ends them.
      headers: statusLine.length + headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 2),
      body: body.size,
      encodedBody: body.wireBytes,
    },
    redirects: outcome.redirects,
    timings: outcome.timings,
    sent: outcome.sent,
    ...(outcome.tls && { tls: outcome.tls }),
  }
}

/** Node's flat [name, value, name, value...] list as pairs, in order, repeats kept. */
function headerPairs(rawHeaders: string[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    pairs.push([rawHeaders[i]!, rawHeaders[i + 1]!])
  return pairs
}

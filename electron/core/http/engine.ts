import type { IncomingMessage, ClientRequest } from 'node:http'
import type { Readable } from 'node:stream'
import axios, { type AxiosResponse } from 'axios'
import { authQueryParam, mergeHeaders } from '../../../shared/logic/headers'
import { buildUrl } from '../../../shared/logic/url'
import { resolveRequest } from '../../../shared/logic/variables'
import type { RequestSpec } from '../../../shared/model/request'
import type { RedirectHop, ResponseRecord } from '../../../shared/model/response'
import { RequestDefaultsSchema, type RequestDefaults } from '../../../shared/model/settings'
import type { SendResult } from '../../../shared/ipc/contract'
import { decodeBody } from './decodeBody'
import { describeFailure } from './describeFailure'
import { encodeBody } from './requestBody'
import { RequestFailure } from './requestFailure'
import { decompressBody, readCapped, tooLarge } from './responseBody'
import { createAgents, socketPhases, type AgentSet } from './timedAgents'

export interface SendOptions {
  spec: RequestSpec
  variables?: Readonly<Record<string, string>>
  /** App defaults; the request's own settings override them. */
  defaults?: Partial<RequestDefaults>
  /** Lets the caller cancel with `cancel(requestId)`. */
  requestId?: string
  /** Called as body bytes arrive (at most every 64 KiB). */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void
}

/** Why an exchange was aborted: the caller's cancel or our own deadline. */
type AbortReason = 'cancelled' | 'timeout'

/**
 * The request engine: resolves variables, builds the request like Python's `requests`,
 * sends it with axios over its own keep-alive agents, and returns a ResponseRecord
 * (any status) or a RequestError. It never throws for a failed exchange.
 */
export class HttpEngine {
  private readonly agents: AgentSet = createAgents()
  private readonly inFlight = new Map<string, AbortController>()

  /** Cancels a running request; false when no request has that id. */
  cancel(requestId: string): boolean {
    const controller = this.inFlight.get(requestId)
    if (!controller) return false
    controller.abort('cancelled' satisfies AbortReason)
    return true
  }

  /** Closes kept-alive sockets. */
  close(): void {
    for (const c of this.inFlight.values()) c.abort('cancelled' satisfies AbortReason)
    this.agents.destroy()
  }

  async send(options: SendOptions): Promise<SendResult> {
    const settings = {
      ...RequestDefaultsSchema.parse(options.defaults ?? {}),
      ...definedOnly(options.spec.settings),
    }
    const controller = new AbortController()
    const id = options.requestId
    if (id) this.inFlight.set(id, controller)
    let target = ''
    try {
      const { spec, unresolved } = resolveRequest(options.spec, options.variables ?? {})
      if (unresolved.length > 0) {
        const list = unresolved.map((n) => `{{${n}}}`).join(', ')
        throw new RequestFailure(
          'UNRESOLVED_VARIABLES',
          `The request uses ${unresolved.length === 1 ? 'a variable that has' : 'variables that have'} no value: ${list}.`,
          'Define them in the active environment (or with --var name=value), or remove them from the request.',
        )
      }
      const apiKeyParam = authQueryParam(spec.auth)
      const url = buildUrl(spec.url, apiKeyParam ? [...spec.params, apiKeyParam] : spec.params)
      if (!url.ok) throw new RequestFailure('INVALID_URL', url.reason, url.hint)
      const parsed = new URL(url.url)
      target = parsed.host
      const response = await this.exchange(spec, url.url, settings, controller, options.onProgress)
      return { ok: true, response }
    } catch (error) {
      const aborted = controller.signal.aborted ? (controller.signal.reason as AbortReason) : null
      if (aborted === 'cancelled') {
        return {
          ok: false,
          error: new RequestFailure(
            'ABORTED',
            'The request was cancelled.',
            'Send it again when you are ready.',
          ).toRequestError(),
        }
      }
      const failure =
        aborted === 'timeout'
          ? new RequestFailure(
              'TIMEOUT',
              `No complete response from ${target} within ${settings.timeoutMs} ms.`,
              'Raise the timeout in the request Settings, or check that the server is not stuck.',
            )
          : describeFailure(error, {
              target,
              timeoutMs: settings.timeoutMs,
              maxRedirects: settings.maxRedirects,
            })
      return { ok: false, error: failure.toRequestError() }
    } finally {
      if (id) this.inFlight.delete(id)
    }
  }

  private async exchange(
    spec: RequestSpec,
    url: string,
    settings: RequestDefaults,
    controller: AbortController,
    onProgress: SendOptions['onProgress'],
  ): Promise<ResponseRecord> {
    const headers = mergeHeaders(spec)
    const invalid = headers.find(([name]) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    if (invalid) {
      throw new RequestFailure(
        'INVALID_HEADER',
        `The header name "${invalid[0]}" is not valid.`,
        'Header names are one word of letters, digits and - (no spaces or colons).',
      )
    }
    const badValue = headers.find(([, value]) => /[\r\n\0]/.test(value))
    if (badValue) {
      throw new RequestFailure(
        'INVALID_HEADER',
        `The value of header "${badValue[0]}" contains a line break.`,
        'Put the value on one line.',
      )
    }
    const body = await encodeBody(spec.body)
    const allHeaders = [...headers, ...body.headers]
    const origin = new URL(url).origin
    const authNames = new Set(
      spec.auth.type === 'none' || spec.auth.type === 'inherit'
        ? []
        : [spec.auth.type === 'apikey' ? spec.auth.key.toLowerCase() : 'authorization'],
    )
    const redirects: RedirectHop[] = []
    const startedAt = performance.now()
    let hopStartedAt = startedAt

    const timer =
      settings.timeoutMs > 0
        ? setTimeout(() => controller.abort('timeout' satisfies AbortReason), settings.timeoutMs)
        : undefined
    try {
      const response: AxiosResponse<Readable> = await axios.request({
        url,
        method: spec.method,
        headers: toAxiosHeaders(allHeaders),
        data: body.data,
        responseType: 'stream',
        decompress: false,
        validateStatus: () => true,
        transformRequest: [(data: unknown) => data],
        maxRedirects: settings.followRedirects ? settings.maxRedirects : 0,
        maxBodyLength: Infinity,
        proxy: false,
        httpAgent: this.agents.http,
        httpsAgent: settings.verifyTls ? this.agents.https : this.agents.httpsInsecure,
        signal: controller.signal,
        beforeRedirect: (next, res, req) => {
          redirects.push({ status: res.statusCode, url: req.url, location: String(next.href) })
          hopStartedAt = performance.now()
          // Credentials go to the request's own origin only, never to where a redirect leads.
          const sameOrigin = new URL(String(next.href)).origin === origin
          const nextHeaders = next.headers as Record<string, string>
          for (const key of Object.keys(nextHeaders)) {
            if (authNames.has(key.toLowerCase())) delete nextHeaders[key]
          }
          if (sameOrigin) {
            for (const [name, value] of allHeaders)
              if (authNames.has(name.toLowerCase())) nextHeaders[name] = value
          }
        },
      })
      const respondedAt = performance.now()
      const request = response.request as ClientRequest & { res?: IncomingMessage }
      const native = request.res
      const bodyStream = response.data
      const rawHeaders = native?.rawHeaders ?? []
      const headerPairs: [string, string][] = []
      for (let i = 0; i + 1 < rawHeaders.length; i += 2)
        headerPairs.push([rawHeaders[i]!, rawHeaders[i + 1]!])

      const declared = Number(native?.headers['content-length'])
      const encoded = native?.headers['content-encoding']
      if (Number.isFinite(declared) && declared > settings.maxResponseBytes) {
        bodyStream.destroy()
        throw tooLarge(declared, settings.maxResponseBytes)
      }
      const wire = await readCapped(
        bodyStream,
        settings.maxResponseBytes,
        controller.signal,
        (received) => onProgress?.(received, Number.isFinite(declared) ? declared : null),
      )
      const bytes = await decompressBody(wire, encoded, settings.maxResponseBytes)
      const endedAt = performance.now()
      const decoded = decodeBody(bytes, native?.headers['content-type'])
      const statusLine = `HTTP/${native?.httpVersion ?? '1.1'} ${response.status} ${response.statusText}\r\n`
      return {
        status: response.status,
        statusText: native?.statusMessage ?? response.statusText ?? '',
        httpVersion: native?.httpVersion ?? '1.1',
        url: redirects.at(-1)?.location ?? url,
        headers: headerPairs,
        ...decoded,
        sizes: {
          headers:
            statusLine.length + headerPairs.reduce((n, [k, v]) => n + k.length + v.length + 4, 2),
          body: bytes.length,
          encodedBody: wire.length,
        },
        redirects,
        timings: timingsOf(request, startedAt, hopStartedAt, respondedAt, endedAt),
        sent: {
          method: spec.method,
          url: redirects.at(-1)?.location ?? url,
          headers: allHeaders,
          bodySummary: body.summary,
        },
      }
    } finally {
      clearTimeout(timer)
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** axios takes one key per name: repeated headers become an array, which Node sends as separate lines. */
function toAxiosHeaders(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  const keyOf = new Map<string, string>()
  for (const [name, value] of pairs) {
    const existing = keyOf.get(name.toLowerCase())
    if (existing === undefined) {
      keyOf.set(name.toLowerCase(), name)
      out[name] = value
    } else {
      const prev = out[existing]!
      out[existing] = Array.isArray(prev) ? [...prev, value] : [prev, value]
    }
  }
  return out
}

/** Phases of the final hop from its socket's record; a reused socket skipped DNS, connect and TLS. */
function timingsOf(
  request: ClientRequest,
  startedAt: number,
  hopStartedAt: number,
  respondedAt: number,
  endedAt: number,
): ResponseRecord['timings'] {
  const phases = request.reusedSocket ? undefined : socketPhases(request.socket)
  const ms = (n: number) => Math.max(0, Math.round(n * 100) / 100)
  let dns = 0
  let connect = 0
  let tls = 0
  let sentAt = hopStartedAt
  if (phases) {
    const lookupEnd = phases.lookupAt ?? phases.createdAt
    dns = (phases.lookupAt ?? phases.createdAt) - phases.createdAt
    connect = (phases.connectAt ?? lookupEnd) - lookupEnd
    tls = phases.secureAt && phases.connectAt ? phases.secureAt - phases.connectAt : 0
    sentAt = phases.secureAt ?? phases.connectAt ?? hopStartedAt
  }
  return {
    dns: ms(dns),
    connect: ms(connect),
    tls: ms(tls),
    firstByte: ms(respondedAt - sentAt),
    download: ms(endedAt - respondedAt),
    total: ms(endedAt - startedAt),
  }
}

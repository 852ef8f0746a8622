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
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BodyStore } from '../bodies/bodyStore'
import { decodeBody, isJsonMediaType, parseContentType } from './decodeBody'
import { describeFailure } from './describeFailure'
import { encodeBody } from './requestBody'
import { RequestFailure } from './requestFailure'
import { receiveBody } from './receiveBody'
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

/** Bodies up to this size travel whole in the ResponseRecord; bigger ones as a preview. */
export const INLINE_BODY_BYTES = 1024 * 1024
/** The start of a bigger body sent along, enough for a first screen and a hex preview. */
export const PREVIEW_BYTES = 64 * 1024

export interface EngineOptions {
  /** Where bodies are kept; by default a store of the engine's own in the temp directory. */
  bodies?: BodyStore
  /** Decoded bytes after which receiving stops (protects the disk). Default 4 GiB. */
  maxReceiveBytes?: number
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
  private ownBodies: BodyStore | null = null
  private readonly maxReceiveBytes: number

  constructor(private readonly options: EngineOptions = {}) {
    this.maxReceiveBytes = options.maxReceiveBytes ?? 4 * 1024 ** 3
  }

  /** Where this engine keeps response bodies (`bodyId` in its records). */
  get bodies(): BodyStore {
    if (this.options.bodies) return this.options.bodies
    this.ownBodies ??= new BodyStore({ dir: join(tmpdir(), `courier-bodies-${randomUUID()}`) })
    return this.ownBodies
  }

  /** Cancels a running request; false when no request has that id. */
  cancel(requestId: string): boolean {
    const controller = this.inFlight.get(requestId)
    if (!controller) return false
    controller.abort('cancelled' satisfies AbortReason)
    return true
  }

  /** Closes kept-alive sockets (and drops the bodies of a store the engine made itself). */
  close(): void {
    for (const c of this.inFlight.values()) c.abort('cancelled' satisfies AbortReason)
    this.agents.destroy()
    void this.ownBodies?.close()
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
      const contentType = native?.headers['content-type']
      // A big JSON body is formatted as it arrives, ready for when the tester asks.
      const json = isJsonMediaType(parseContentType(contentType).mediaType)
      const pretty = { from: INLINE_BODY_BYTES, upTo: settings.maxResponseBytes }
      // Any size is received (bigger than memory goes to disk); over the limit it is kept,
      // not shown, until the user raises the limit or saves it.
      const received = await receiveBody(bodyStream, {
        contentEncoding: native?.headers['content-encoding'],
        writer: this.bodies.createWriter(json ? pretty : undefined),
        hardLimit: this.maxReceiveBytes,
        signal: controller.signal,
        onProgress: (n) => onProgress?.(n, Number.isFinite(declared) ? declared : null),
      })
      const endedAt = performance.now()
      const { source } = received
      const complete = source.size <= INLINE_BODY_BYTES
      const decoded = complete
        ? decodeBody(await source.read(0, source.size), contentType)
        : decodeBody(await source.read(0, PREVIEW_BYTES), contentType, true)
      const bodyId = this.bodies.keep(source, decoded.charset)
      const statusLine = `HTTP/${native?.httpVersion ?? '1.1'} ${response.status} ${response.statusText}\r\n`
      return {
        status: response.status,
        statusText: native?.statusMessage ?? response.statusText ?? '',
        httpVersion: native?.httpVersion ?? '1.1',
        url: redirects.at(-1)?.location ?? url,
        headers: headerPairs,
        ...decoded,
        bodyComplete: complete,
        bodyId,
        overLimit: source.size > settings.maxResponseBytes,
        sizes: {
          headers:
            statusLine.length + headerPairs.reduce((n, [k, v]) => n + k.length + v.length + 4, 2),
          body: source.size,
          encodedBody: received.wireBytes,
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

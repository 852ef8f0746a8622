import type { IncomingMessage, ClientRequest } from 'node:http'
import { Readable } from 'node:stream'
import axios, { type AxiosResponse } from 'axios'
import { mergeHeaders } from '../../../shared/logic/headers'
import type { RequestSpec } from '../../../shared/model/request'
import type { ResponseRecord } from '../../../shared/model/response'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { SendResult } from '../../../shared/ipc/contract'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withOAuth2Token } from '../auth/oauth2/authorizeSend'
import type { OAuth2Tokens } from '../auth/oauth2/oauth2Tokens'
import { BodyStore } from '../bodies/bodyStore'
import { abortFailure, cancelExchange, startDeadline } from './abort'
import { axiosConfigFor } from './axiosConfig'
import { checkHeaders } from './checkHeaders'
import { credentialHeaderNames } from './credentialHeaders'
import { describeFailure } from './describeFailure'
import { ExchangeClock } from './exchangeClock'
import { effectiveSettings, prepareRequest } from './prepareRequest'
import { RedirectTrail, setCookieValues, type CookieHooks, type HopResponse } from './redirects'
import { CLOSED_GATE, gatedBody, type FileGate } from './fileGate'
import { encodeBody, type EncodedBody } from './requestBody'
import { keepResponseBody, receiveResponseBody } from './responseBody'
import { toResponseRecord } from './responseRecord'
import { createAgents, type AgentSet } from './timedAgents'
import { ProxyAgentPool } from './proxy/proxyAgents'
import { proxyAnswerFailure, proxyUnreachable } from './proxy/proxyFailure'
import { digestRetryHeaders, signedHeaders } from './auth/hopAuth'
import { RequestFailure } from './requestFailure'
import { TlsAgents } from './tlsAgents'
import { isDefaultTls, type TlsMaterial } from './tlsMaterial'
import { tlsConnectionOf } from './tlsPeer'

// Callers and tests read these limits from the engine, which applies them.
export { INLINE_BODY_BYTES, PREVIEW_BYTES } from './responseBody'

export interface SendOptions {
  spec: RequestSpec
  variables?: Readonly<Record<string, string>>
  /** App defaults; the request's own settings override them. */
  defaults?: Partial<RequestDefaults>
  /** Lets the caller cancel with `cancel(requestId)`. */
  requestId?: string
  /** Called as body bytes arrive (at most every 64 KiB). */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void
  /**
   * A cookie jar: sends its cookies at every hop (unless the request sets its own Cookie
   * header) and keeps what each response sets, redirects included.
   */
  cookies?: CookieHooks
  /**
   * Names of the secret variables among `variables`: a header holding one of their values
   * is a credential, not sent on when a redirect leads to another origin.
   */
  secretNames?: readonly string[]
  /**
   * Which local files the body may read, and the folder relative paths are read from.
   * Absent: none (a request with a file body fails with FILE_NOT_CONFIRMED).
   */
  files?: FileGate
  /** The workspace the request belongs to: OAuth 2.0 tokens are kept per workspace. */
  workspace?: string | null
}

export interface EngineOptions {
  /** Where bodies are kept; by default a store of the engine's own in the temp directory. */
  bodies?: BodyStore
  /** Decoded bytes after which receiving stops (protects the disk). Default 4 GiB. */
  maxReceiveBytes?: number
  /**
   * Where each request goes (a ProxyRouter): proxies to try in order, null for straight
   * to the server. Absent: straight to every server.
   */
  proxy?: { routesFor(url: string): Promise<(URL | null)[]> }
  /** Where OAuth 2.0 auths get their tokens; absent, such a request fails with OAUTH2. */
  oauth2?: OAuth2Tokens
  /** Extra CAs, client certificates and the oldest TLS version (see tlsMaterial.ts). */
  tls?: TlsMaterial
}

/**
 * The request engine: resolves variables, builds the request like Python's `requests`,
 * sends it with axios over its own keep-alive agents, and returns a ResponseRecord
 * (any status) or a RequestError. It never throws for a failed exchange.
 */
export class HttpEngine {
  private readonly agents: AgentSet = createAgents()
  private readonly proxyAgents = new ProxyAgentPool()
  private readonly inFlight = new Map<string, AbortController>()
  private ownBodies: BodyStore | null = null
  private readonly maxReceiveBytes: number
  private tlsAgents: TlsAgents | null = null
  private tlsProblem: RequestFailure | null = null

  constructor(private readonly options: EngineOptions = {}) {
    this.maxReceiveBytes = options.maxReceiveBytes ?? 4 * 1024 ** 3
    this.useTls(options.tls)
  }

  /** Applies new TLS settings to the next requests; sockets of the old ones are closed. */
  useTls(material: TlsMaterial | undefined): void {
    this.tlsProblem = null
    this.tlsAgents?.destroy()
    this.tlsAgents = isDefaultTls(material) ? null : new TlsAgents(material!)
  }

  /**
   * The saved TLS settings name a file that cannot be used: every send fails with this
   * message (naming the file) until useTls is called again, rather than going out without it.
   */
  tlsUnusable(error: Error): void {
    this.tlsProblem = new RequestFailure(
      'TLS',
      error.message,
      'Fix or remove that file under Settings → TLS, then send again.',
    )
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
    cancelExchange(controller)
    return true
  }

  /** Closes kept-alive sockets (and drops the bodies of a store the engine made itself). */
  close(): void {
    for (const c of this.inFlight.values()) cancelExchange(c)
    this.agents.destroy()
    this.proxyAgents.destroy()
    this.tlsAgents?.destroy()
    void this.ownBodies?.close()
  }

  async send(options: SendOptions): Promise<SendResult> {
    const settings = effectiveSettings(options.defaults, options.spec.settings)
    const controller = new AbortController()
    const id = options.requestId
    if (id) this.inFlight.set(id, controller)
    let target = ''
    try {
      const { spec, url, host } = prepareRequest(
        options.spec,
        options.variables ?? {},
        settings.variableSizeLimitMB,
      )
      target = host
      if (this.tlsProblem) throw this.tlsProblem
      const authorized = await withOAuth2Token(
        spec,
        this.options.oauth2,
        options.workspace ?? null,
        controller.signal,
      )
      const variables = options.variables ?? {}
      const secretValues = (options.secretNames ?? [])
        .map((name) => variables[name])
        .filter((value): value is string => value !== undefined)
      const response = await this.exchange(authorized, url, settings, controller, {
        ...options,
        secretValues,
      })
      return { ok: true, response }
    } catch (error) {
      const context = { target, timeoutMs: settings.timeoutMs }
      const failure = abortFailure(controller.signal, context) ?? describeFailure(error, context)
      return { ok: false, error: failure.toRequestError() }
    } finally {
      if (id) this.inFlight.delete(id)
    }
  }

  /**
   * One exchange: checks and encodes what goes out, sends it within the deadline,
   * follows redirects, receives the body into the store and records what happened.
   */
  private async exchange(
    spec: RequestSpec,
    url: string,
    settings: RequestDefaults,
    controller: AbortController,
    {
      onProgress,
      cookies,
      files,
      secretValues,
    }: Pick<SendOptions, 'onProgress' | 'cookies' | 'files'> & {
      secretValues: string[]
    },
  ): Promise<ResponseRecord> {
    const headers = checkHeaders(mergeHeaders(spec))
    // The request's own Cookie header, or its cookies setting off, leaves the jar out.
    const jar =
      cookies &&
      spec.settings.cookies !== false &&
      !headers.some(([name]) => name.toLowerCase() === 'cookie')
        ? cookies
        : null
    const jarCookie = jar?.cookieFor(url) ?? ''
    if (jarCookie !== '') headers.push(['Cookie', jarCookie])
    // Checked once variables are resolved and scripts are done: either may change a path.
    const body = await encodeBody(await gatedBody(spec.body, files ?? CLOSED_GATE))
    const firstHop = { url, method: spec.method, headers: [...headers, ...body.headers] }
    let sentHeaders = signedHeaders(spec.auth, { ...firstHop, data: body.data }, true)
    const clock = new ExchangeClock()
    const redirects = new RedirectTrail({
      url,
      method: spec.method,
      sentHeaders,
      credentials: credentialHeaderNames(sentHeaders, { auth: spec.auth, secretValues }),
      keepAcrossOrigins: settings.keepCredentialsAcrossOrigins,
      maxRedirects: settings.maxRedirects,
      onHop: () => clock.hop(),
      cookies: jar,
    })
    const stopDeadline = startDeadline(controller, settings.timeoutMs)
    try {
      let hop = { url, method: spec.method, headers: sentHeaders, data: body.data }
      let response = await this.request(hop, settings, controller.signal)
      let challengeAnswered = false
      for (;;) {
        // Digest: the 401's challenge is answered once, by the same request with credentials.
        const retry = challengeAnswered ? null : digestRetryHeaders(spec.auth, hop, toHop(response))
        if (retry) {
          challengeAnswered = true
          response.data.resume()
          redirects.retried(response.status, 'Digest', retry)
          if (hop.url === url) sentHeaders = retry
          const data = await this.bodyAgain(spec, files, body, hop.data)
          hop = { ...hop, headers: retry, data }
          response = await this.request(hop, settings, controller.signal)
          continue
        }
        const next = settings.followRedirects ? redirects.next(toHop(response)) : null
        if (!next) break
        // The redirect's own body is not shown: read it off so the socket goes back to the pool.
        response.data.resume()
        const data = next.keepsBody ? await this.bodyAgain(spec, files, body) : undefined
        hop = { url: next.url, method: next.method, headers: next.headers, data }
        hop.headers = signedHeaders(spec.auth, hop, false)
        response = await this.request(hop, settings, controller.signal)
      }
      clock.responded()
      const request = response.request as ClientRequest & { res?: IncomingMessage }
      const native = request.res
      // Read now: once the body is in, the socket may go back to the pool.
      const tls = tlsConnectionOf(native?.socket)
      jar?.keep(setCookieValues(native?.headers['set-cookie']), redirects.finalUrl)
      const received = await receiveResponseBody(response.data, native?.headers, {
        bodies: this.bodies,
        hardLimit: this.maxReceiveBytes,
        maxResponseBytes: settings.maxResponseBytes,
        signal: controller.signal,
        onProgress,
      })
      clock.ended()
      return toResponseRecord({
        status: response.status,
        statusText: response.statusText,
        native,
        body: await keepResponseBody(received, native?.headers['content-type'], this.bodies),
        maxResponseBytes: settings.maxResponseBytes,
        redirects: redirects.hops,
        finalUrl: redirects.finalUrl,
        timings: clock.timings(request),
        sent: {
          method: spec.method,
          url: redirects.finalUrl,
          headers: sentHeaders,
          bodySummary: body.summary,
        },
        tls,
      })
    } finally {
      stopDeadline()
    }
  }

  /**
   * One request of an exchange (the first, or a redirect's), its body left unread. Each
   * hop asks for its route: a redirect to another host may go direct (no-proxy list).
   */
  private async request(
    hop: Hop,
    settings: RequestDefaults,
    signal: AbortSignal,
  ): Promise<AxiosResponse<Readable>> {
    const routes = (await this.options.proxy?.routesFor(hop.url)) ?? [null]
    for (let i = 0; ; i++) {
      try {
        return await this.requestVia(routes[i] ?? null, hop, settings, signal)
      } catch (error) {
        // A PAC or system answer's next route when this proxy cannot be reached. A streamed
        // body may be partly read by then, so it is not sent again.
        const next = i + 1 < routes.length && !(hop.data instanceof Readable)
        if (!next || !proxyUnreachable(error)) throw error
      }
    }
  }

  private async requestVia(
    proxy: URL | null,
    hop: Hop,
    settings: RequestDefaults,
    signal: AbortSignal,
  ): Promise<AxiosResponse<Readable>> {
    // Through a proxy its own agents tunnel; the TLS settings apply to direct connections.
    const agents = proxy ? this.proxyAgents.agentsFor(proxy) : this.agents
    const httpsAgent = proxy ? undefined : this.tlsAgentFor(hop.url, settings.verifyTls)
    const response = await axios.request<Readable>(
      axiosConfigFor({ ...hop, settings, agents, httpsAgent, signal }),
    )
    const failure = proxy && proxyAnswerFailure(proxy, hop.url, response.status)
    if (failure) {
      response.data.destroy()
      throw failure
    }
    return response
  }

  /** The agent with the TLS settings for an https URL; undefined: the plain agents serve. */
  private tlsAgentFor(url: string, verify: boolean) {
    if (!this.tlsAgents || !url.toLowerCase().startsWith('https:')) return undefined
    const { hostname, port } = new URL(url)
    return this.tlsAgents.agentFor(hostname, port || '443', verify)
  }

  /** The body again for a 307 or 308: a file is opened anew, text and forms are reused. */
  private async bodyAgain(
    spec: RequestSpec,
    files: FileGate | undefined,
    body: EncodedBody,
    sent: EncodedBody['data'] = body.data,
  ): Promise<EncodedBody['data']> {
    if (sent === undefined) return undefined
    if (!(body.data instanceof Readable)) return body.data
    return (await encodeBody(await gatedBody(spec.body, files ?? CLOSED_GATE))).data
  }
}

/** What one request of an exchange sends. */
interface Hop {
  url: string
  method: string
  headers: [string, string][]
  data: EncodedBody['data']
}

/** A response as the redirect trail reads it. */
function toHop(response: AxiosResponse<Readable>): HopResponse {
  const native = (response.request as { res?: IncomingMessage }).res
  return { status: response.status, headers: native?.headers ?? {} }
}

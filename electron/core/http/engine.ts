import type { SendResult } from '../../../shared/ipc/contract'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withOAuth2Token } from '../auth/oauth2/authorizeSend'
import { BodyStore } from '../bodies/bodyStore'
import { abortFailure, cancelExchange, ExchangeAbort } from './abort'
import { describeFailure } from './describeFailure'
import { runExchange } from './exchange'
import { HopSender } from './hopSender'
import { resolveWithDynamic } from './dynamicVariables'
import { effectiveSettings, preparedFrom } from './prepareRequest'
import { RequestFailure } from './requestFailure'
import type { EngineOptions, SendOptions } from './sendOptions'
import type { TlsMaterial } from './tlsMaterial'

// Callers and tests read these limits from the engine, which applies them.
export { INLINE_BODY_BYTES, PREVIEW_BYTES } from './responseBody'
export type { EngineOptions, SendOptions } from './sendOptions'

/**
 * The request engine: resolves variables, builds the request like Python's `requests`,
 * sends it with axios over its own keep-alive agents, and returns a ResponseRecord
 * (any status) or a RequestError. It never throws for a failed exchange. One exchange's
 * hops are in exchange.ts, how each hop goes out in hopSender.ts.
 */
export class HttpEngine {
  private readonly sender: HopSender
  private readonly inFlight = new Map<string, ExchangeAbort>()
  private ownBodies: BodyStore | null = null
  private readonly maxReceiveBytes: number
  private tlsProblem: RequestFailure | null = null

  constructor(private readonly options: EngineOptions = {}) {
    this.maxReceiveBytes = options.maxReceiveBytes ?? 4 * 1024 ** 3
    this.sender = new HopSender(options.proxy)
    this.useTls(options.tls)
  }

  /** Applies new TLS settings to the next requests; sockets of the old ones are closed. */
  useTls(material: TlsMaterial | undefined): void {
    this.tlsProblem = null
    this.sender.useTls(material)
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
    const exchange = this.inFlight.get(requestId)
    if (!exchange) return false
    cancelExchange(exchange)
    return true
  }

  /** Closes kept-alive sockets (and drops the bodies of a store the engine made itself). */
  close(): void {
    for (const exchange of this.inFlight.values()) cancelExchange(exchange)
    this.sender.destroy()
    void this.ownBodies?.close()
  }

  async send(options: SendOptions): Promise<SendResult> {
    const settings = effectiveSettings(options.defaults, options.spec.settings)
    const abort = new ExchangeAbort()
    const id = options.requestId
    if (id) this.inFlight.set(id, abort)
    let target = ''
    try {
      const resolution = await resolveWithDynamic(
        options.spec,
        options.variables ?? {},
        settings.variableSizeLimitMB,
      )
      const { spec, url, host } = preparedFrom(options.spec, resolution)
      target = host
      if (this.tlsProblem) throw this.tlsProblem
      const authorized = await withOAuth2Token(
        spec,
        this.options.oauth2,
        options.workspace ?? null,
        () => abort.signal,
        settings.verifyTls,
      )
      const variables = options.variables ?? {}
      const secretValues = (options.secretNames ?? [])
        .map((name) => variables[name])
        .filter((value): value is string => value !== undefined)
      const parts = {
        sender: this.sender,
        bodies: this.bodies,
        maxReceiveBytes: this.maxReceiveBytes,
      }
      const response = await runExchange(parts, authorized, url, settings, abort, {
        ...options,
        secretValues,
      })
      return { ok: true, response }
    } catch (error) {
      const context = { target, timeoutMs: settings.timeoutMs }
      const failure = abortFailure(abort, context) ?? describeFailure(error, context)
      return { ok: false, error: failure.toRequestError() }
    } finally {
      if (id) this.inFlight.delete(id)
    }
  }
}

import type { FailureContext } from './describeFailure'
import { RequestFailure } from './requestFailure'

/**
 * Why an exchange was aborted: the caller's cancel or the engine's own deadline. The
 * exchange's ExchangeAbort keeps it, because axios and the body stream only say "aborted".
 */
export type AbortReason = 'cancelled' | 'timeout'

/**
 * The abort signal of one exchange, which axios (its GenericAbortSignal) and the body's
 * reader watch. Node 20 makes every AbortSignal an EventTarget: one per exchange, with
 * axios's listener and the reader's added and removed, took ~20 µs of a small exchange's
 * ~345 µs of CPU (`npm run bench -- engine`). This is a plain list of listeners; a real
 * AbortSignal that follows it is made only for what needs one (stream.pipeline for a
 * compressed body, an OAuth 2.0 token request).
 */
export class ExchangeAbort {
  aborted = false
  reason: AbortReason | undefined
  private listeners: (() => void)[] = []
  private follower: AbortController | null = null

  abort(reason: AbortReason): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    this.follower?.abort(reason)
    // Each listener runs once, as with { once: true } on an AbortSignal.
    for (const listener of this.listeners.splice(0)) listener()
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.push(listener)
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const i = this.listeners.indexOf(listener)
    if (i >= 0) this.listeners.splice(i, 1)
  }

  /** A real AbortSignal that aborts with this one (already aborted if this is). */
  get signal(): AbortSignal {
    if (!this.follower) {
      this.follower = new AbortController()
      if (this.aborted) this.follower.abort(this.reason)
    }
    return this.follower.signal
  }
}

/** What the parts of an exchange watch its abort through: everything but `abort`. */
export type ExchangeSignal = Omit<ExchangeAbort, 'abort'>

/** Aborts the exchange as the caller's cancel. */
export function cancelExchange(exchange: ExchangeAbort): void {
  exchange.abort('cancelled')
}

/**
 * Aborts the exchange with 'timeout' once `timeoutMs` have passed (0: no deadline). The
 * deadline covers the response and its whole body, so a body that never ends times out too.
 * Returns the function that disarms it, to call when the exchange is over either way.
 */
export function startDeadline(exchange: ExchangeAbort, timeoutMs: number): () => void {
  if (timeoutMs <= 0) return () => {}
  const timer = setTimeout(() => exchange.abort('timeout'), timeoutMs)
  return () => clearTimeout(timer)
}

/**
 * What an aborted exchange tells the tester, whatever error the abort surfaced as;
 * null when the exchange was not aborted, and its error says what went wrong.
 */
export function abortFailure(exchange: ExchangeAbort, ctx: FailureContext): RequestFailure | null {
  if (!exchange.aborted) return null
  const { reason } = exchange
  if (reason === 'cancelled') {
    return new RequestFailure(
      'ABORTED',
      'The request was cancelled.',
      'Send it again when you are ready.',
    )
  }
  if (reason === 'timeout') {
    return new RequestFailure(
      'TIMEOUT',
      `No complete response from ${ctx.target} within ${ctx.timeoutMs} ms.`,
      'Raise the timeout in the request Settings, or check that the server is not stuck.',
    )
  }
  return null
}

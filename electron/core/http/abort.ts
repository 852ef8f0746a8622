import type { FailureContext } from './describeFailure'
import { RequestFailure } from './requestFailure'

/**
 * Why an exchange was aborted: the caller's cancel or the engine's own deadline. It travels
 * as the AbortSignal's reason, because axios and the body stream only say "aborted".
 */
export type AbortReason = 'cancelled' | 'timeout'

/** Aborts the exchange as the caller's cancel. */
export function cancelExchange(controller: AbortController): void {
  controller.abort('cancelled' satisfies AbortReason)
}

/**
 * Aborts the exchange with 'timeout' once `timeoutMs` have passed (0: no deadline). The
 * deadline covers the response and its whole body, so a body that never ends times out too.
 * Returns the function that disarms it, to call when the exchange is over either way.
 */
export function startDeadline(controller: AbortController, timeoutMs: number): () => void {
  if (timeoutMs <= 0) return () => {}
  const timer = setTimeout(() => controller.abort('timeout' satisfies AbortReason), timeoutMs)
  return () => clearTimeout(timer)
}

/**
 * What an aborted exchange tells the tester, whatever error the abort surfaced as;
 * null when the exchange was not aborted, and its error says what went wrong.
 */
export function abortFailure(signal: AbortSignal, ctx: FailureContext): RequestFailure | null {
  if (!signal.aborted) return null
  const reason = signal.reason as AbortReason
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

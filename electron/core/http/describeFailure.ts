import { RequestFailure } from './requestFailure'
import { tlsFailure } from './tlsFailure'

interface ErrorLike {
  code?: unknown
  message?: unknown
  cause?: unknown
}

/** A RequestFailure raised below axios (a proxy agent's), which axios wraps as the cause. */
function wordedFailure(error: unknown): RequestFailure | undefined {
  let current = error as ErrorLike | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof RequestFailure) return current
    current = current.cause as ErrorLike | undefined
  }
  return undefined
}

/** The most specific error code in an error and its causes (axios wraps Node's errors). */
function innermostCode(error: unknown): string | undefined {
  let current = error as ErrorLike | undefined
  let code: string | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && current.code !== 'ERR_BAD_REQUEST') code = current.code
    current = current.cause as ErrorLike | undefined
  }
  return code
}

export interface FailureContext {
  /** host:port the request was going to. */
  target: string
  timeoutMs: number
}

/** Turns whatever Node or axios threw into a RequestFailure a tester understands. */
export function describeFailure(error: unknown, ctx: FailureContext): RequestFailure {
  const worded = wordedFailure(error)
  if (worded) return worded
  const code = innermostCode(error) ?? ''
  const raw = error instanceof Error ? error.message : String(error)

  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return new RequestFailure(
      'DNS',
      `Could not find the host "${ctx.target.replace(/:\d+$/, '')}" (DNS lookup failed).`,
      'Check the spelling of the host name, your network or VPN, and the base URL of the active environment.',
      code,
    )
  }
  if (code === 'ECONNREFUSED') {
    return new RequestFailure(
      'REFUSED',
      `Connection refused by ${ctx.target}: nothing is listening there.`,
      'Is the server running? Check the host and the port.',
      code,
    )
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(raw)) {
    return new RequestFailure(
      'RESET',
      `${ctx.target} closed the connection before sending a complete response.`,
      'The server may have crashed or rejected the request; check its logs. A proxy or firewall can also reset connections.',
      code || 'ECONNRESET',
    )
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return new RequestFailure(
      'TIMEOUT',
      `No complete response from ${ctx.target} within ${ctx.timeoutMs} ms.`,
      'Raise the timeout in the request Settings, or check that the server is not stuck.',
      code,
    )
  }
  const tls = tlsFailure(code, raw, ctx.target)
  if (tls) return tls
  if (code.startsWith('HPE_')) {
    return new RequestFailure(
      'PROTOCOL',
      `${ctx.target} answered with something that is not valid HTTP (${code}).`,
      'Check that the URL points at an HTTP server and that the scheme (http or https) is right.',
      code,
    )
  }
  if (code === 'ERR_INVALID_URL') {
    return new RequestFailure('INVALID_URL', `The URL is not valid: ${raw}`, 'Check the URL.', code)
  }
  return new RequestFailure(
    'UNKNOWN',
    `The request to ${ctx.target} failed: ${raw}`,
    'Try again; if it keeps failing, report this message.',
    code || undefined,
  )
}

import { Readable } from 'node:stream'
import { mergeHeaders } from '../../../shared/logic/headers'
import type { RequestSpec } from '../../../shared/model/request'
import type { ResponseRecord } from '../../../shared/model/response'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { BodyStore } from '../bodies/bodyStore'
import { startDeadline, type ExchangeAbort } from './abort'
import { ChallengeAnswer } from './auth/challengeAnswer'
import { signedHeaders } from './auth/hopAuth'
import { checkHeaders } from './checkHeaders'
import { credentialHeaderNames } from './credentialHeaders'
import { ExchangeClock } from './exchangeClock'
import { recordFinalResponse } from './exchangeRecord'
import { CLOSED_GATE, gatedBody, type FileGate } from './fileGate'
import { toHop, type Hop, type HopSender } from './hopSender'
import { RedirectTrail } from './redirects'
import { encodeBody, type EncodedBody } from './requestBody'
import type { SendOptions } from './sendOptions'

/** What an exchange borrows from its engine. */
export interface ExchangeParts {
  sender: HopSender
  bodies: BodyStore
  /** Decoded bytes after which receiving stops. */
  maxReceiveBytes: number
}

export type ExchangeOptions = Pick<SendOptions, 'onProgress' | 'cookies' | 'files'> & {
  secretValues: string[]
}

/**
 * One exchange: checks and encodes what goes out, sends it within the deadline,
 * answers a Digest or NTLM challenge, follows redirects, receives the body into the store
 * and records what happened.
 */
export async function runExchange(
  parts: ExchangeParts,
  spec: RequestSpec,
  url: string,
  settings: RequestDefaults,
  abort: ExchangeAbort,
  { onProgress, cookies, files, secretValues }: ExchangeOptions,
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
  const challenge = new ChallengeAnswer(spec.auth)
  let sentHeaders = challenge.opening(
    signedHeaders(spec.auth, { ...firstHop, data: body.data }, true),
  )
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
  // NTLM signs a connection in: its exchange keeps to one socket per origin, closed after.
  const sender = challenge.needsOneConnection ? parts.sender.oneConnection() : parts.sender
  const send = (hop: Hop) => sender.send(hop, settings, abort)
  const stopDeadline = startDeadline(abort, settings.timeoutMs)
  try {
    let hop: Hop = { url, method: spec.method, headers: sentHeaders, data: body.data }
    let response = await send(hop)
    for (;;) {
      // Digest, NTLM: the 401's challenge is answered once, by the same request with credentials.
      const retry = challenge.answer(hop, toHop(response))
      if (retry) {
        // Read off so the socket goes back to the pool, where the answer (NTLM) waits for it.
        response.data.resume()
        redirects.retried(response.status, challenge.scheme, retry)
        if (hop.url === url) sentHeaders = retry
        const data = await bodyAgain(spec, files, body, hop.data)
        hop = { ...hop, headers: retry, data }
        response = await send(hop)
        continue
      }
      const next = settings.followRedirects ? redirects.next(toHop(response)) : null
      if (!next) break
      // The redirect's own body is not shown: read it off so the socket goes back to the pool.
      response.data.resume()
      const data = next.keepsBody ? await bodyAgain(spec, files, body) : undefined
      hop = {
        url: next.url,
        method: next.method,
        headers: challenge.redirected(next.headers),
        data,
      }
      hop.headers = signedHeaders(spec.auth, hop, false)
      response = await send(hop)
    }
    return await recordFinalResponse({
      response,
      settings,
      bodies: parts.bodies,
      hardLimit: parts.maxReceiveBytes,
      abort,
      onProgress,
      jar,
      redirects,
      clock,
      sent: { method: spec.method, headers: sentHeaders, bodySummary: body.summary },
    })
  } finally {
    stopDeadline()
    if (sender !== parts.sender) sender.destroy()
  }
}

/** The body again for a 307 or 308: a file is opened anew, text and forms are reused. */
async function bodyAgain(
  spec: RequestSpec,
  files: FileGate | undefined,
  body: EncodedBody,
  sent: EncodedBody['data'] = body.data,
): Promise<EncodedBody['data']> {
  if (sent === undefined) return undefined
  if (!(body.data instanceof Readable)) return body.data
  return (await encodeBody(await gatedBody(spec.body, files ?? CLOSED_GATE))).data
}

import type { IncomingHttpHeaders } from 'node:http'
import type { RequestAuth } from '../../../../shared/model/request'
import { digestRetryHeaders, type AuthHop } from './hopAuth'
import {
  authenticateAuthorization,
  isNtlmAuthorization,
  negotiateAuthorization,
  ntlmIdentity,
  ntlmRefused,
  type NtlmIdentity,
} from './ntlmAuth'

type Headers = [string, string][]
type HopResponse = { status: number; headers: IncomingHttpHeaders }

const isAuthorization = ([name]: [string, string]) => name.toLowerCase() === 'authorization'
const withAuthorization = (headers: Headers, value: string): Headers => [
  ...headers.filter((h) => !isAuthorization(h)),
  ['Authorization', value],
]

/**
 * The auths that answer a server's 401 challenge by sending the request once more, for one
 * exchange: Digest (the first request goes without credentials) and NTLM (the first carries
 * a Type 1 message, the 401's Type 2 challenge is answered with a Type 3 on the same
 * connection, which the exchange keeps to one socket per origin). Answered once only.
 */
export class ChallengeAnswer {
  private answered = false
  private readonly ntlm: NtlmIdentity | null

  constructor(private readonly auth: RequestAuth) {
    this.ntlm = auth.type === 'ntlm' ? ntlmIdentity(auth) : null
  }

  /** Whether the exchange must keep to one connection per origin (NTLM authenticates it). */
  get needsOneConnection(): boolean {
    return this.ntlm !== null
  }

  /** The scheme answered, as the timeline names it. */
  get scheme(): string {
    return this.ntlm ? 'NTLM' : 'Digest'
  }

  /** The first request's headers: NTLM's open the handshake with a Type 1 message. */
  opening(headers: Headers): Headers {
    return this.ntlm ? withAuthorization(headers, negotiateAuthorization(this.ntlm)) : headers
  }

  /**
   * The headers that answer this response's challenge (the same request sent again), or
   * null to take the response as it is. Fails with AUTH_CHALLENGE when an NTLM server
   * offers no NTLM challenge, or answers the Type 3 message with 401 again.
   */
  answer(hop: AuthHop, response: HopResponse): Headers | null {
    const ntlmHop =
      this.ntlm !== null && hop.headers.some((h) => isAuthorization(h) && isNtlmAuthorization(h[1]))
    if (this.answered) {
      if (ntlmHop && response.status === 401) throw ntlmRefused(this.ntlm!)
      return null
    }
    let headers: Headers | null = null
    if (this.auth.type === 'digest') headers = digestRetryHeaders(this.auth, hop, response)
    else if (ntlmHop && response.status === 401) {
      const raw = response.headers['www-authenticate']
      const offered = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
      headers = withAuthorization(hop.headers, authenticateAuthorization(this.ntlm!, offered))
    }
    if (headers) this.answered = true
    return headers
  }

  /**
   * A redirect's headers: once NTLM has signed the connection in, the next requests on it
   * go without a message (a Type 3 sent again would start a new sign-in).
   */
  redirected(headers: Headers): Headers {
    if (!this.ntlm || !this.answered) return headers
    return headers.filter((h) => !(isAuthorization(h) && isNtlmAuthorization(h[1])))
  }
}

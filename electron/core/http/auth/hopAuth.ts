import type { IncomingHttpHeaders } from 'node:http'
import type { RequestAuth } from '../../../../shared/model/request'
import type { EncodedBody } from '../requestBody'
import { signAwsV4 } from './awsSigV4'
import { digestAuthorization } from './digestAuth'

/** One request of an exchange, as the engine sends it. */
export interface AuthHop {
  url: string
  method: string
  headers: [string, string][]
  data: EncodedBody['data']
}

const withoutAuthorization = (headers: [string, string][]) =>
  headers.filter(([name]) => name.toLowerCase() !== 'authorization')

/**
 * The headers of a hop with the credentials an auth computes per request: an AWS
 * Signature V4 over this very URL, method and body. A hop to another origin that was
 * not trusted with credentials (no Authorization left) is sent unsigned.
 */
export function signedHeaders(auth: RequestAuth, hop: AuthHop, first: boolean): [string, string][] {
  if (auth.type !== 'awsv4') return hop.headers
  const carried = hop.headers.some(([name]) => name.toLowerCase() === 'authorization')
  return first || carried ? signAwsV4(auth, hop) : hop.headers
}

/**
 * For Digest auth, the headers that answer a 401's challenge on the same URL (the
 * request sent once more), or null when the response is no Digest challenge.
 */
export function digestRetryHeaders(
  auth: RequestAuth,
  hop: AuthHop,
  response: { status: number; headers: IncomingHttpHeaders },
): [string, string][] | null {
  if (auth.type !== 'digest' || response.status !== 401) return null
  const raw = response.headers['www-authenticate']
  const challenges = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  const url = new URL(hop.url)
  const authorization = digestAuthorization({
    username: auth.username,
    password: auth.password,
    method: hop.method,
    uri: url.pathname + url.search,
    challenges,
  })
  if (authorization === null) return null
  return [...withoutAuthorization(hop.headers), ['Authorization', authorization]]
}

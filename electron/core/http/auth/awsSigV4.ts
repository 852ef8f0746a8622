import { createHash } from 'node:crypto'
import aws4 from 'aws4'
import type { RequestAuth } from '../../../../shared/model/request'
import type { EncodedBody } from '../requestBody'

type AwsAuth = Extract<RequestAuth, { type: 'awsv4' }>

/** Headers a signature sets; an earlier hop's (or the user's) are replaced at each signing. */
const SIGNED_BY_US = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'host',
])

/**
 * A body hash for x-amz-content-sha256: the SHA-256 of a text body (or of nothing), and
 * UNSIGNED-PAYLOAD for a streamed file or multipart form, which is never read whole to
 * hash it (S3 accepts this; other services need a text body).
 */
function payloadHash(data: EncodedBody['data']): string {
  if (data === undefined) return createHash('sha256').update('').digest('hex')
  if (typeof data === 'string') return createHash('sha256').update(data, 'utf8').digest('hex')
  return 'UNSIGNED-PAYLOAD'
}

/**
 * The headers of one request signed with AWS Signature Version 4 (by the `aws4` library):
 * Host, X-Amz-Date, X-Amz-Content-Sha256, the session token when there is one, and
 * Authorization, computed over the method, URL, headers and body hash as they go out.
 * Called for every hop, so a redirect is signed for where it leads.
 */
export function signAwsV4(
  auth: AwsAuth,
  request: { url: string; method: string; headers: [string, string][]; data: EncodedBody['data'] },
): [string, string][] {
  const url = new URL(request.url)
  const kept = request.headers.filter(([name]) => !SIGNED_BY_US.has(name.toLowerCase()))
  const headers: Record<string, string> = {}
  for (const [name, value] of kept) {
    // aws4 takes one value per name; repeats are signed as one comma-joined value.
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name
    headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`
  }
  headers.Host = url.host
  headers['X-Amz-Content-Sha256'] = payloadHash(request.data)
  const signed = aws4.sign(
    {
      host: url.host,
      path: url.pathname + url.search,
      method: request.method,
      service: auth.service,
      region: auth.region,
      headers,
      body: typeof request.data === 'string' ? request.data : undefined,
    },
    {
      accessKeyId: auth.accessKeyId,
      secretAccessKey: auth.secretAccessKey,
      ...(auth.sessionToken !== '' && { sessionToken: auth.sessionToken }),
    },
  )
  const out = signed.headers as Record<string, string>
  const added: [string, string][] = Object.entries(out)
    .filter(([name]) => SIGNED_BY_US.has(name.toLowerCase()) && name.toLowerCase() !== 'host')
    .map(([name, value]) => [name, String(value)])
  return [...kept, ...added]
}

import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import { Hash } from '@smithy/hash-node'
import { SignatureV4 } from '@smithy/signature-v4'
import { listen, type RunningServer } from './listen'

/** Credentials the verifier knows, by access key id. */
export interface SigV4Key {
  secretAccessKey: string
  sessionToken?: string
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/

/**
 * An AWS Signature V4 verifier on loopback: it recomputes the signature of the request it
 * received with @smithy/signature-v4 (the AWS SDK's signer, independent of the aws4 library
 * Courier signs with), checks x-amz-content-sha256 against the body received, and answers
 * 200 with what it verified or 403 naming the mismatch. `/redirect?to=PATH` answers 302
 * to PATH once the request verifies, for the redirect re-signing test.
 */
export async function startSigV4Server(
  keys: Record<string, SigV4Key>,
): Promise<RunningServer & { received: { url: string; headers: IncomingMessage['headers'] }[] }> {
  const received: { url: string; headers: IncomingMessage['headers'] }[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers })
      verify(req, Buffer.concat(chunks), keys).then(
        (problem) => {
          const url = new URL(req.url ?? '/', 'http://verifier.local')
          const to = url.pathname === '/redirect' ? url.searchParams.get('to') : null
          if (problem !== null) {
            res.writeHead(403, { 'Content-Type': 'application/json' })
            res.end(JSON.stringify({ error: problem }))
          } else if (to) {
            res.writeHead(302, { Location: to }).end()
          } else {
            res.writeHead(200, { 'Content-Type': 'application/json' })
            res.end(JSON.stringify({ verified: true, path: url.pathname }))
          }
        },
        (error: unknown) => res.writeHead(500).end(String(error)),
      )
    })
  })
  return { ...(await listen(server)), received }
}

/** Null when the signature verifies, else what is wrong. */
async function verify(
  req: IncomingMessage,
  body: Buffer,
  keys: Record<string, SigV4Key>,
): Promise<string | null> {
  const match = AUTH.exec(req.headers.authorization ?? '')
  if (!match) return 'no AWS4-HMAC-SHA256 Authorization header'
  const [, keyId, , region, service, signedList, signature] = match
  const key = keys[keyId!]
  if (!key) return `unknown access key ${keyId}`
  // Optional outside S3, as AWS has it (curl --aws-sigv4 sends none): the signature covers
  // the body's hash either way. When sent, it must be the body's.
  const contentHash = req.headers['x-amz-content-sha256']
  const bodyHash = createHash('sha256').update(body).digest('hex')
  if (contentHash !== undefined && contentHash !== 'UNSIGNED-PAYLOAD' && contentHash !== bodyHash)
    return `x-amz-content-sha256 ${contentHash} is not the body's hash ${bodyHash}`
  if (key.sessionToken !== undefined && req.headers['x-amz-security-token'] !== key.sessionToken)
    return 'wrong or missing x-amz-security-token'
  const signedNames = signedList!.split(';')
  const headers: Record<string, string> = {}
  for (const name of signedNames) {
    const value = req.headers[name]
    if (value === undefined) return `signed header ${name} was not received`
    headers[name] = Array.isArray(value) ? value.join(',') : value
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
  const query: Record<string, string | string[]> = {}
  for (const [k, v] of url.searchParams) {
    const had = query[k]
    query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v]
  }
  const signer = new SignatureV4({
    service: service!,
    region: region!,
    sha256: Hash.bind(null, 'sha256'),
    // Otherwise the signer adds (and signs) x-amz-content-sha256 when the client sent none.
    applyChecksum: contentHash !== undefined,
    credentials: {
      accessKeyId: keyId!,
      secretAccessKey: key.secretAccessKey,
      ...(key.sessionToken !== undefined && { sessionToken: key.sessionToken }),
    },
  })
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  const date = new Date(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  )
  if (Number.isNaN(date.getTime())) return `x-amz-date "${amzDate}" is not a date`
  const signed = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers,
      body,
    },
    { signingDate: date, signableHeaders: new Set(signedNames) },
  )
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1]
  return expected === signature ? null : `signature mismatch (expected ${expected})`
}

import type { KeyValueRow } from '../model/keyValue'
import type { RequestAuth, RequestBody, RequestSpec } from '../model/request'

/** The User-Agent Courier sends unless the user sets one. */
export const USER_AGENT = 'Courier/0.1'

/** What every request carries unless the user sets its own, in this order. */
const DEFAULT_HEADERS: readonly (readonly [string, string])[] = [
  ['User-Agent', USER_AGENT],
  ['Accept', '*/*'],
  ['Accept-Encoding', 'gzip, deflate, br'],
]

/** A header the engine adds on its own, and why. */
export interface ImplicitHeader {
  name: string
  value: string
  /** What made the engine add it; `computed`: an auth's header made only when sending. */
  source: 'body' | 'auth' | 'computed' | 'default'
  /** True when a user header of the same name replaces it. */
  overridden: boolean
}

/** The Content-Type a body implies, or null (none, or multipart whose boundary the engine picks). */
export function bodyContentType(body: RequestBody): string | null {
  switch (body.type) {
    case 'json':
      return 'application/json'
    case 'form':
      return 'application/x-www-form-urlencoded'
    case 'multipart':
      return 'multipart/form-data; boundary=<computed when sent>'
    case 'raw':
      return body.contentType || 'text/plain'
    case 'binary':
      return body.contentType || 'application/octet-stream'
    default:
      return null
  }
}

/** Base64 of a UTF-8 string, in any runtime (no Buffer in the renderer). */
function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The header an auth setting produces, or null (none, or an API key sent in the query). */
export function authHeader(auth: RequestAuth): [string, string] | null {
  switch (auth.type) {
    case 'basic':
      return ['Authorization', `Basic ${base64Utf8(`${auth.username}:${auth.password}`)}`]
    case 'bearer':
      return ['Authorization', `Bearer ${auth.token}`]
    case 'apikey':
      return auth.in === 'header' && auth.key !== '' ? [auth.key, auth.value] : null
    default:
      return null
  }
}

/** The query row an API key in the query produces, or null. */
export function authQueryParam(auth: RequestAuth): KeyValueRow | null {
  return auth.type === 'apikey' && auth.in === 'query' && auth.key !== ''
    ? { key: auth.key, value: auth.value, enabled: true }
    : null
}

function hasHeader(rows: readonly KeyValueRow[], name: string): boolean {
  const lower = name.toLowerCase()
  return rows.some((r) => r.enabled && r.key.trim().toLowerCase() === lower)
}

/** Every header the engine adds to the user's rows, each marked overridden when a user row replaces it. */
export function implicitHeaders(spec: RequestSpec): ImplicitHeader[] {
  const found: Omit<ImplicitHeader, 'overridden'>[] = []
  const contentType = bodyContentType(spec.body)
  if (contentType) found.push({ name: 'Content-Type', value: contentType, source: 'body' })
  const auth = authHeader(spec.auth)
  if (auth) found.push({ name: auth[0], value: auth[1], source: 'auth' })
  for (const [name, value] of DEFAULT_HEADERS) found.push({ name, value, source: 'default' })
  return found.map((h) => ({ ...h, overridden: hasHeader(spec.headers, h.name) }))
}

/**
 * The headers an auth makes only when the request is sent (a Digest answer to the server's
 * challenge, NTLM's handshake, an AWS signature over the request as sent, an OAuth 2.0 token fetched or
 * kept), with a placeholder value, so the Headers tab shows that they will be there.
 */
export function computedAuthHeaders(auth: RequestAuth): Omit<ImplicitHeader, 'overridden'>[] {
  switch (auth.type) {
    case 'digest':
      return [
        {
          name: 'Authorization',
          value: "Digest <answers the server's challenge>",
          source: 'computed',
        },
      ]
    case 'ntlm':
      return [
        {
          name: 'Authorization',
          value: 'NTLM <sign-in handshake on one connection>',
          source: 'computed',
        },
      ]
    case 'awsv4':
      return [
        {
          name: 'Authorization',
          value: 'AWS4-HMAC-SHA256 <signature of the request as sent>',
          source: 'computed',
        },
        { name: 'X-Amz-Date', value: '<time of sending>', source: 'computed' },
        { name: 'X-Amz-Content-Sha256', value: '<SHA-256 of the body>', source: 'computed' },
        ...(auth.sessionToken === ''
          ? []
          : [
              {
                name: 'X-Amz-Security-Token',
                value: '<the session token>',
                source: 'computed' as const,
              },
            ]),
      ]
    case 'oauth2':
      // Sent like an API key header: a user row of the same name replaces it.
      return [
        { name: 'Authorization', value: '<token type> <OAuth 2.0 access token>', source: 'auth' },
      ]
    default:
      return []
  }
}

/**
 * What the Headers tab lists as added by Courier: the implicit headers, with those an auth
 * computes when sending in place of the auth row. Digest's, NTLM's and AWS's are set by the
 * engine over any row of the same name, so they are never shown as replaced.
 */
export function previewHeaders(spec: RequestSpec): ImplicitHeader[] {
  const implicit = implicitHeaders(spec)
  const computed = computedAuthHeaders(spec.auth).map((h) => ({
    ...h,
    overridden: h.source === 'auth' && hasHeader(spec.headers, h.name),
  }))
  const at = implicit.findIndex((h) => h.source === 'default')
  return [...implicit.slice(0, at), ...computed, ...implicit.slice(at)]
}

/**
 * The header list to send: the user's enabled rows in their order and casing (repeats kept),
 * then each implicit header no user row overrides. Multipart's Content-Type is left to the
 * engine, which knows the boundary. Runs on every send, so it walks the rows once rather
 * than asking implicitHeaders (which also builds the Headers tab's records).
 */
export function mergeHeaders(spec: RequestSpec): [string, string][] {
  const merged: [string, string][] = []
  const userNames = new Set<string>()
  for (const row of spec.headers) {
    if (!row.enabled) continue
    const name = row.key.trim()
    if (name === '') continue
    merged.push([name, row.value])
    userNames.add(name.toLowerCase())
  }
  const add = (name: string, value: string) => {
    if (!userNames.has(name.toLowerCase())) merged.push([name, value])
  }
  const contentType = spec.body.type === 'multipart' ? null : bodyContentType(spec.body)
  if (contentType) add('Content-Type', contentType)
  const auth = authHeader(spec.auth)
  if (auth) add(auth[0], auth[1])
  for (const [name, value] of DEFAULT_HEADERS) add(name, value)
  return merged
}

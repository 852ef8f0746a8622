import { authHeader, authQueryParam, bodyContentType } from '../../../../shared/logic/headers'
import { buildUrl, serializeParams } from '../../../../shared/logic/url'
import { resolveRequest } from '../../../../shared/logic/variables'
import type { RequestAuth, RequestBody, RequestSpec } from '../../../../shared/model/request'
import { OAUTH2_TOKEN_PLACEHOLDER } from './computedAuth'

/** A header of the prepared request, with why it is there, so a generator can leave out what its library adds itself. */
export interface PreparedHeader {
  name: string
  value: string
  /** `user`: a row of the request (or inherited); `body`: the Content-Type its body implies; `auth`: from its auth. */
  source: 'user' | 'body' | 'auth'
}

/** The request as the engine would send it, variables resolved, in the terms code generators need. */
export interface PreparedRequest {
  method: string
  /** The full URL as sent: the URL's own query as typed, then the params (and an API key) encoded. */
  url: string
  /**
   * User rows (enabled, in order, repeats kept), then the body's Content-Type and the auth
   * header when no user row overrides them. Courier's own defaults (User-Agent, Accept,
   * Accept-Encoding) are left out: every client sends its own.
   */
  headers: PreparedHeader[]
  body: RequestBody
  auth: RequestAuth
  /** Whole-exchange timeout in seconds; 0 = none. */
  timeoutSeconds: number
  followRedirects: boolean
  verifyTls: boolean
}

const DEFAULT_TIMEOUT_MS = 30_000

/** Resolves `{{variables}}` (unknown ones stay as written) and builds what the engine would send. */
export function prepareRequest(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
): PreparedRequest {
  const resolved = resolveRequest(spec, variables).spec
  const apiKey = authQueryParam(resolved.auth)
  const params = apiKey ? [...resolved.params, apiKey] : resolved.params
  // A URL that still holds {{unknown}} is shown as typed, its placeholders readable.
  const unresolved = /\{\{[^{}]+\}\}/.test(resolved.url + JSON.stringify(params))
  const built = unresolved ? null : buildUrl(resolved.url, params)
  const extra = serializeParams(params).replace(/%7B%7B(.+?)%7D%7D/g, '{{$1}}')
  const url = built?.ok
    ? built.url
    : extra === ''
      ? resolved.url
      : resolved.url + (resolved.url.includes('?') ? '&' : '?') + extra

  const user = resolved.headers
    .filter((r) => r.enabled && r.key.trim() !== '')
    .map((r): PreparedHeader => ({ name: r.key.trim(), value: r.value, source: 'user' }))
  const has = (name: string) => user.some((h) => h.name.toLowerCase() === name.toLowerCase())
  const headers = [...user]
  const contentType = bodyContentType(resolved.body)
  if (contentType && resolved.body.type !== 'multipart' && !has('Content-Type'))
    headers.push({ name: 'Content-Type', value: contentType, source: 'body' })
  // OAuth 2.0's token is fetched by Courier when sending: the code gets a placeholder.
  const fromAuth =
    resolved.auth.type === 'oauth2'
      ? (['Authorization', `Bearer ${OAUTH2_TOKEN_PLACEHOLDER}`] as const)
      : authHeader(resolved.auth)
  if (fromAuth && !has(fromAuth[0]))
    headers.push({ name: fromAuth[0], value: fromAuth[1], source: 'auth' })

  const timeoutMs = resolved.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return {
    method: resolved.method.toUpperCase(),
    url,
    headers,
    body: resolved.body,
    auth: resolved.auth,
    timeoutSeconds: timeoutMs / 1000,
    followRedirects: resolved.settings.followRedirects ?? true,
    verifyTls: resolved.settings.verifyTls ?? true,
  }
}

/** True when the header is the Basic auth header that a client's own `auth` option produces. */
export function isBasicAuthHeader(request: PreparedRequest, header: PreparedHeader): boolean {
  return header.source === 'auth' && request.auth.type === 'basic'
}

/** True when the header is the Content-Type a client sets itself for this body (form, multipart). */
export function isImpliedContentType(request: PreparedRequest, header: PreparedHeader): boolean {
  return header.source === 'body' && ['form', 'multipart'].includes(request.body.type)
}

/** The last path segment of a file path (either separator), as multipart sends it. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

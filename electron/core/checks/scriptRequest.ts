import type { SendResult } from '../../../shared/ipc/contract'
import { resolvedOrAsWritten, resolveTextOrAsWritten } from '../../../shared/logic/variables'
import type { RequestBody, RequestSpec } from '../../../shared/model/request'
import { bodyOfRaw, languageOfBody } from '../interop/postmanRawBody'
import { fromScriptAuth, toScriptAuth } from './scriptAuth'
import type { ScriptRequest } from './scriptPort'

/** The request as a pre-request script sees it (`pm.request`): placeholders not yet resolved, as in Postman. */
export function toScriptRequest(spec: RequestSpec, name: string): ScriptRequest {
  // Query rows appended as typed: the script sees {{placeholders}} and no encoding.
  const query = spec.params
    .filter((p) => p.enabled && p.key !== '')
    .map((p) => `${p.key}=${p.value}`)
    .join('&')
  const url = query ? `${spec.url}${spec.url.includes('?') ? '&' : '?'}${query}` : spec.url
  return {
    name,
    url,
    method: spec.method,
    headers: spec.headers.filter((h) => h.enabled && h.key !== '').map((h) => [h.key, h.value]),
    body: 'text' in spec.body ? spec.body.text : null,
    ...languageOf(spec),
    ...(spec.body.type === 'form' && {
      form: spec.body.fields.filter((f) => f.enabled && f.key !== '').map((f) => [f.key, f.value]),
    }),
    ...(spec.auth.type !== 'none' &&
      spec.auth.type !== 'inherit' && { auth: toScriptAuth(spec.auth) }),
  }
}

/** A text body's language, as Postman's `pm.request.body.options.raw.language`. */
function languageOf(spec: RequestSpec): Pick<ScriptRequest, 'language'> {
  const language = languageOfBody(spec.body)
  return language === undefined ? {} : { language }
}

/** The spec with what a pre-request script changed in `pm.request`; the rest as it was. */
export function withScriptEdits(spec: RequestSpec, edited: ScriptRequest): RequestSpec {
  const before = toScriptRequest(spec, edited.name)
  let next = spec
  if (edited.url !== before.url) next = { ...next, url: edited.url, params: [] }
  if (edited.method !== before.method) next = { ...next, method: edited.method }
  if (JSON.stringify(edited.headers) !== JSON.stringify(before.headers)) {
    next = {
      ...next,
      headers: edited.headers.map(([key, value]) => ({ key, value, enabled: true })),
    }
  }
  const body = editedBody(next.body, before, edited)
  if (body !== next.body) next = { ...next, body }
  if (
    edited.auth !== undefined &&
    JSON.stringify(edited.auth) !== JSON.stringify(before.auth ?? null)
  ) {
    const auth = fromScriptAuth(edited.auth)
    if (auth) next = { ...next, auth }
  }
  return next
}

/**
 * The body after the script, as Postman sends it: a text body with its new text, or, when
 * the script changed the language (`body.update({ mode: 'raw', raw, options: { raw: {
 * language: 'json' } } })`; update() with no options means text), with that language's
 * Content-Type; a body of another kind (none, a form, a file) that the script made raw
 * becomes a text body; urlencoded fields replace a form's (or become one).
 */
function editedBody(body: RequestBody, before: ScriptRequest, edited: ScriptRequest): RequestBody {
  if (edited.form) {
    const fields = edited.form.map(([key, value]) => ({ key, value, enabled: true }))
    if (body.type !== 'form') return { type: 'form', fields }
    return JSON.stringify(edited.form) === JSON.stringify(before.form) ? body : { ...body, fields }
  }
  if (edited.body === null) return body
  if (!('text' in body) || edited.language !== before.language) {
    return bodyOfRaw(edited.body, edited.language)
  }
  return edited.body === body.text ? body : { ...body, text: edited.body }
}

/**
 * The request as a post-response script sees it: as it went out, as newman gives it. Its
 * method, URL (the first, before any redirect) and headers (auth and content type
 * included) as the engine sent them, and its text body with variables resolved; with no
 * response, the whole request resolved.
 */
export function requestAsSent(
  spec: RequestSpec,
  name: string,
  variables: Readonly<Record<string, string>>,
  sent: SendResult,
): ScriptRequest {
  if (!sent.ok) return toScriptRequest(resolvedOrAsWritten(spec, variables), name)
  const { sent: wire, redirects } = sent.response
  return {
    name,
    url: redirects[0]?.url ?? wire.url,
    method: wire.method,
    headers: wire.headers.map(([key, value]) => [key, value]),
    body: 'text' in spec.body ? resolveTextOrAsWritten(spec.body.text, variables) : null,
    ...languageOf(spec),
    ...(spec.auth.type !== 'none' &&
      spec.auth.type !== 'inherit' && {
        auth: toScriptAuth(resolvedOrAsWritten(spec, variables).auth),
      }),
    ...(spec.body.type === 'form' && {
      form: spec.body.fields
        .filter((f) => f.enabled && f.key !== '')
        .map((f) => [
          resolveTextOrAsWritten(f.key, variables),
          resolveTextOrAsWritten(f.value, variables),
        ]),
    }),
  }
}

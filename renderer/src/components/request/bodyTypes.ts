import type { KeyValueRow } from '../../../../shared/model/keyValue'
import type { BodyType, RequestBody } from '../../../../shared/model/request'

/** The body types in the order the picker offers them, with their visible names. */
export const BODY_TYPES: { type: BodyType; label: string }[] = [
  { type: 'none', label: 'None' },
  { type: 'json', label: 'JSON' },
  { type: 'form', label: 'Form URL-encoded' },
  { type: 'multipart', label: 'Multipart form' },
  { type: 'raw', label: 'Raw' },
  { type: 'binary', label: 'Binary' },
]

/** Content types offered for a raw body; any other can be typed. */
export const RAW_CONTENT_TYPES = [
  { value: 'text/plain', label: 'Text' },
  { value: 'application/xml', label: 'XML' },
  { value: 'text/html', label: 'HTML' },
  { value: 'application/javascript', label: 'JavaScript' },
]

function textOf(body: RequestBody): string {
  return body.type === 'json' || body.type === 'raw' ? body.text : ''
}

function fieldsOf(body: RequestBody): KeyValueRow[] {
  if (body.type === 'form') return body.fields
  if (body.type === 'multipart') {
    return body.parts.flatMap((p) =>
      p.kind === 'text' ? [{ key: p.key, value: p.value, enabled: p.enabled }] : [],
    )
  }
  return []
}

/**
 * The body after the user picks another type: text carries over between JSON and Raw,
 * text fields between form and multipart, so switching back and forth loses nothing typed.
 */
export function switchBodyType(body: RequestBody, type: BodyType): RequestBody {
  if (body.type === type) return body
  switch (type) {
    case 'none':
      return { type }
    case 'json':
      return { type, text: textOf(body) }
    case 'raw':
      return { type, text: textOf(body), contentType: 'text/plain' }
    case 'form':
      return { type, fields: fieldsOf(body) }
    case 'multipart':
      return { type, parts: fieldsOf(body).map((f) => ({ kind: 'text' as const, ...f })) }
    case 'binary':
      return { type, path: '' }
  }
}

/** The CodeMirror language for a raw body's content type. */
export function languageOf(contentType: string): 'json' | 'xml' | 'html' | 'text' {
  const t = contentType.toLowerCase()
  if (t.includes('json')) return 'json'
  if (t.includes('html')) return 'html'
  if (t.includes('xml')) return 'xml'
  return 'text'
}

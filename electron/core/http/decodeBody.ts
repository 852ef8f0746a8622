import { cutAtCharacter } from '../bodies/utf8'
/** A response body turned into what the contract carries: text when it is text, base64 otherwise. */
export interface DecodedBody {
  body: string
  bodyEncoding: 'utf8' | 'base64'
  mediaType: string
  charset: string
}

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|x-ndjson|problem\+json|problem\+xml|ld\+json|x-javascript)$)|\+(json|xml)$/

/** application/json, and any type with a +json suffix (problem+json, vnd.api+json...). */
export function isJsonMediaType(mediaType: string): boolean {
  return /[/+]json$/.test(mediaType)
}

/** Splits a Content-Type into its media type and charset. */
export function parseContentType(value: string | undefined): {
  mediaType: string
  charset: string
} {
  if (!value) return { mediaType: '', charset: '' }
  const [type, ...params] = value.split(';')
  let charset = ''
  for (const p of params) {
    const [k, v] = p.split('=')
    if (k?.trim().toLowerCase() === 'charset' && v)
      charset = v.trim().replace(/^"|"$/g, '').toLowerCase()
  }
  return { mediaType: (type ?? '').trim().toLowerCase(), charset }
}

function tryDecode(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * Text media types are decoded with their charset (UTF-8 when none is given); bytes
 * that do not decode, and binary types, travel as base64 so nothing turns into mojibake.
 * With no Content-Type, valid UTF-8 without NUL bytes counts as text. `start` says the
 * bytes are only the start of the body: a UTF-8 character cut at their end is dropped.
 */
export function decodeBody(
  bytes: Buffer,
  contentType: string | undefined,
  start = false,
): DecodedBody {
  const { mediaType, charset } = parseContentType(contentType)
  const looksText = TEXT_TYPES.test(mediaType) || (mediaType === '' && !bytes.includes(0))
  if (looksText) {
    const label = charset || 'utf-8'
    const utf8 = label === 'utf-8' || label === 'utf8'
    const text = tryDecode(start && utf8 ? cutAtCharacter(bytes) : bytes, label)
    if (text !== null) return { body: text, bodyEncoding: 'utf8', mediaType, charset: label }
  }
  return {
    body: bytes.toString('base64'),
    bodyEncoding: 'base64',
    mediaType,
    charset: '',
  }
}

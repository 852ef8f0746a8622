import type { RequestBody } from '../../../shared/model/request'

/**
 * Postman's raw body languages (`options.raw.language`) and the Content-Type postman-runtime
 * sends for each when no header names one (its core-body-builder table). A Map, not an
 * object: a language named "__proto__" must not find Object.prototype.
 */
const LANGUAGE_TYPES = new Map([
  ['json', 'application/json'],
  ['xml', 'application/xml'],
  ['html', 'text/html'],
  ['javascript', 'application/javascript'],
  ['text', 'text/plain'],
])

/** A Content-Type's language, as Postman would save it: the first that matches, else text. */
const TYPE_LANGUAGES: [RegExp, string][] = [
  [/json/i, 'json'],
  [/xml/i, 'xml'],
  [/html/i, 'html'],
  [/javascript/i, 'javascript'],
]

/**
 * A Postman raw body as Courier's: JSON for the json language, else text with the
 * language's Content-Type (text/plain for none or one Postman does not know, as it sends).
 */
export function bodyOfRaw(text: string, language: string | undefined): RequestBody {
  if (language === 'json') return { type: 'json', text }
  return { type: 'raw', text, contentType: LANGUAGE_TYPES.get(language ?? '') ?? 'text/plain' }
}

/** The language Postman gives a Courier text body; undefined for a body that is not text. */
export function languageOfBody(body: RequestBody): string | undefined {
  if (body.type === 'json') return 'json'
  if (body.type !== 'raw') return undefined
  return TYPE_LANGUAGES.find(([re]) => re.test(body.contentType))?.[1] ?? 'text'
}

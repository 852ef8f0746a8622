import { COMMON_SUPPORTED_ARGS, parse } from 'curlconverter/dist/src/parse.js'
import type { DataParam, Request as CurlRequest } from 'curlconverter/dist/src/Request.js'
import type { KeyValueRow } from '../../../../shared/model/keyValue'
import type { ParsedCurl } from '../../../../shared/model/interop'
import type { MultipartPart, RequestBody, RequestSpec } from '../../../../shared/model/request'
import { emptyRequest } from '../../../../shared/model/request'
import { ImportError, type ImportResult } from '../interopTypes'
import { cleanMethod, emptyFolder, savedRequest, takeContentType } from './importHelpers'

/** The curl options Courier carries over; any other one is named in a note. */
const SUPPORTED = new Set([
  ...COMMON_SUPPORTED_ARGS,
  'form',
  'form-string',
  'insecure',
  'compressed',
  'location',
  'max-redirs',
  'max-time',
])

/** Does this text look like a curl command (what the URL field and auto-detection ask)? */
export function looksLikeCurl(text: string): boolean {
  return /^\s*curl(\s|$)/.test(text)
}

/**
 * Turns a curl command (bash quoting and line continuations, as bash reads them) into a
 * request. Nothing runs: `$(…)`, backticks and `$VAR` stay text; `@file` stays a path the
 * user confirms.
 *
 * @throws ImportError when the text is not a curl command with a URL.
 */
export function parseCurl(text: string): ParsedCurl {
  const warnings: [string, string][] = []
  let requests: CurlRequest[]
  try {
    requests = parse(text, SUPPORTED, warnings)
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ImportError(`This curl command could not be read: ${message}`)
  }
  const first = requests[0]
  const url = first?.urls[0]
  if (!first || !url) throw new ImportError('This curl command has no URL.')
  const notes: string[] = warnings.map(([, message]) => `curl: ${message.split('\n')[0]}`)
  if (requests.length > 1 || first.urls.length > 1)
    notes.push('The command holds more than one URL or request; only the first was imported.')

  const spec: RequestSpec = emptyRequest()
  spec.method = cleanMethod(url.method.toString())
  spec.url = url.url.toString()
  for (const [name, value] of first.headers) {
    if (value !== null)
      spec.headers.push({ key: name.toString(), value: value.toString(), enabled: true })
  }
  if (first.cookieFiles?.length)
    notes.push(
      `-b ${first.cookieFiles.map(String).join(', ')}: cookie files are not read on import; add the cookies as a Cookie header.`,
    )
  if (first.compressed && !spec.headers.some((h) => h.key.toLowerCase() === 'accept-encoding')) {
    spec.headers.push({ key: 'Accept-Encoding', value: 'gzip, deflate, br', enabled: true })
    notes.push('--compressed became the header Accept-Encoding: gzip, deflate, br.')
  }
  if (url.auth) {
    const [user, password] = url.auth.map(String) as [string, string]
    if (first.authType === 'basic') spec.auth = { type: 'basic', username: user, password }
    else
      notes.push(
        `${first.authType} authentication is not supported; the user "${user}" was not carried over.`,
      )
  }
  spec.body = curlBody(first, spec.headers, notes)
  if (first.insecure) spec.settings.verifyTls = false
  if (first.followRedirects) spec.settings.followRedirects = true
  else {
    spec.settings.followRedirects = false
    notes.push('curl follows no redirects without -L, so this request does not follow them either.')
  }
  const maxRedirects = Number(first.maxRedirects?.toString())
  if (Number.isInteger(maxRedirects) && maxRedirects >= 0 && maxRedirects <= 100)
    spec.settings.maxRedirects = maxRedirects
  const seconds = Number(first.timeout?.toString())
  if (first.timeout && Number.isFinite(seconds) && seconds >= 0)
    spec.settings.timeoutMs = Math.round(seconds * 1000)
  return { spec, notes }
}

function isFileParam(p: DataParam): p is Exclude<DataParam, { tokens: unknown }> {
  return typeof p === 'object' && 'filetype' in p
}

function curlBody(request: CurlRequest, headers: KeyValueRow[], notes: string[]): RequestBody {
  if (request.multipartUploads?.length) {
    const declared = takeContentType(headers)
    if (declared && !/^multipart\/form-data\s*$/i.test(declared))
      notes.push(
        `The Content-Type header "${declared}" was dropped: a multipart body sets its own.`,
      )
    return { type: 'multipart', parts: request.multipartUploads.map((p) => formPart(p, notes)) }
  }
  const data = request.dataArray
  if (!data?.length) return { type: 'none' }
  const contentType = takeContentType(headers)
  const only = data.length === 1 ? data[0]! : null
  if (only && isFileParam(only) && !only.name && only.filetype !== 'urlencode') {
    const path = only.filename.toString()
    notes.push(`The body is the file "${path}": confirm the file before sending (it was not read).`)
    return { type: 'binary', path, ...(contentType ? { contentType } : {}) }
  }
  for (const p of data.filter(isFileParam)) {
    notes.push(
      `The body refers to the file "${p.filename.toString()}", which was not read: it stays as the text "@${p.filename.toString()}"; confirm or replace it.`,
    )
  }
  const text = request.data?.toString() ?? ''
  if (contentType && /json/i.test(contentType)) return { type: 'json', text }
  if (!contentType || /^application\/x-www-form-urlencoded\s*$/i.test(contentType)) {
    const fields = formFields(text)
    if (fields) return { type: 'form', fields }
  }
  return { type: 'raw', text, contentType: contentType ?? 'application/x-www-form-urlencoded' }
}

/** `a=1&b=x+y` as rows, or null when the text is not plain form pairs. */
function formFields(text: string): KeyValueRow[] | null {
  if (text === '' || text.includes('@')) return null
  const rows: KeyValueRow[] = []
  for (const pair of text.split('&')) {
    const at = pair.indexOf('=')
    if (at <= 0) return null
    try {
      const key = decodeURIComponent(pair.slice(0, at).replace(/\+/g, ' '))
      const value = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '))
      rows.push({ key, value, enabled: true })
    } catch {
      return null
    }
  }
  return rows
}

function formPart(
  part: NonNullable<CurlRequest['multipartUploads']>[number],
  notes: string[],
): MultipartPart {
  const key = part.name.toString()
  const contentType = part.contentType?.toString()
  if ('contentFile' in part) {
    const path = part.contentFile.toString()
    notes.push(`Multipart field "${key}" is the file "${path}": confirm the file before sending.`)
    return { kind: 'file', key, path, enabled: true, ...(contentType ? { contentType } : {}) }
  }
  return {
    kind: 'text',
    key,
    value: part.content.toString(),
    enabled: true,
    ...(contentType ? { contentType } : {}),
  }
}

/** A curl command (pasted or read from a file) as an import of one request. */
export function importCurl(text: string, fileName?: string): ImportResult {
  const { spec, notes } = parseCurl(text)
  const root = emptyFolder(fileName ? fileName.replace(/\.[^.]*$/, '') || 'curl' : 'curl import')
  let name = `${spec.method} ${spec.url}`
  try {
    const u = new URL(spec.url)
    name = `${spec.method} ${u.host}${u.pathname}`
  } catch {
    // Not a URL the platform parses (a {{variable}}, a bare host): keep it as written.
  }
  root.requests.push(savedRequest(name.slice(0, 120), spec))
  return { format: 'curl', root, environments: [], notes }
}

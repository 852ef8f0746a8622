import { shellQuote } from './literals'
import {
  fileNameOf,
  isBasicAuthHeader,
  isImpliedContentType,
  type PreparedRequest,
} from './preparedRequest'

/** A `-F` value in curl's own syntax: double quotes with `\` and `"` escaped. */
const curlFormQuote = (text: string) => `"${text.replace(/[\\"]/g, '\\$&')}"`

/**
 * The request as a curl command, sending the same bytes as the engine: `--data-raw` for
 * JSON and raw text (never `@file` surprises), `--data-urlencode` per form field, `-F`
 * for multipart, `--user` for Basic. Repeated headers stay repeated.
 */
export function curlCommand(request: PreparedRequest): string {
  const args: string[] = []
  const body = request.body
  if (request.method === 'HEAD') args.push('--head')
  else {
    const implied = body.type === 'none' ? 'GET' : 'POST'
    if (request.method !== implied) args.push(`-X ${shellQuote(request.method)}`)
  }
  const basic = request.auth.type === 'basic' ? request.auth : null
  for (const h of request.headers) {
    if (isImpliedContentType(request, h) || (basic && isBasicAuthHeader(request, h))) continue
    // `-H 'Name:'` removes a header in curl; `Name;` sends it empty.
    args.push(`-H ${shellQuote(h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`)}`)
  }
  if (basic) args.push(`--user ${shellQuote(`${basic.username}:${basic.password}`)}`)
  switch (body.type) {
    case 'json':
    case 'raw':
      args.push(`--data-raw ${shellQuote(body.text)}`)
      break
    case 'form':
      for (const f of body.fields) {
        if (!f.enabled || f.key === '') continue
        const key = new URLSearchParams([[f.key, '']]).toString().slice(0, -1)
        args.push(`--data-urlencode ${shellQuote(`${key}=${f.value}`)}`)
      }
      break
    case 'multipart':
      for (const p of body.parts) {
        if (!p.enabled || p.key === '') continue
        if (p.kind === 'file') {
          const type = p.contentType || 'application/octet-stream'
          const spec = `${p.key}=@${curlFormQuote(p.path)};filename=${curlFormQuote(fileNameOf(p.path))};type=${type}`
          args.push(`-F ${shellQuote(spec)}`)
        } else if (p.contentType && !/[;"]/.test(p.value) && !/^[@<]/.test(p.value)) {
          args.push(`-F ${shellQuote(`${p.key}=${p.value};type=${p.contentType}`)}`)
        } else {
          // --form-string never reads `@file` or `<file` from the value.
          args.push(`--form-string ${shellQuote(`${p.key}=${p.value}`)}`)
        }
      }
      break
    case 'binary':
      args.push(`--data-binary ${shellQuote(`@${body.path}`)}`)
      break
    default:
      break
  }
  if (request.followRedirects) args.push('--location')
  if (!request.verifyTls) args.push('--insecure')
  if (request.timeoutSeconds > 0) args.push(`--max-time ${request.timeoutSeconds}`)
  return [`curl ${shellQuote(request.url)}`, ...args].join(' \\\n  ') + '\n'
}

import { computedAuthNote, ntlmUser } from './computedAuth'
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
 * A value curl's `-F` takes as plain text: it reads a file for a leading `@` or `<`, and
 * `;type=`, `;filename=` or `;headers=@file` inside, so only a value free of those goes
 * unquoted; everything else is sent with --form-string.
 */
const isPlainFormValue = (text: string) => !/[;"\r\n]/.test(text) && !/^[@<]/.test(text)

/**
 * A multipart field curl cannot name: `-F` and --form-string end the name at the first
 * `=`, so the rest would become the value (`a=@/home/u/.ssh/id_rsa` read as a file).
 */
const unnameable = (key: string) => key.includes('=')

/** curl's own options for the auths Courier computes when sending: `--digest`, `--ntlm`, `--aws-sigv4`. */
function computedAuthArgs(request: PreparedRequest): string[] {
  const auth = request.auth
  if (auth.type === 'digest')
    return ['--digest', `--user ${shellQuote(`${auth.username}:${auth.password}`)}`]
  if (auth.type === 'ntlm')
    return ['--ntlm', `--user ${shellQuote(`${ntlmUser(auth)}:${auth.password}`)}`]
  if (auth.type !== 'awsv4') return []
  return [
    `--aws-sigv4 ${shellQuote(`aws:amz:${auth.region}:${auth.service}`)}`,
    `--user ${shellQuote(`${auth.accessKeyId}:${auth.secretAccessKey}`)}`,
    ...(auth.sessionToken === ''
      ? []
      : [`-H ${shellQuote(`X-Amz-Security-Token: ${auth.sessionToken}`)}`]),
  ]
}

/**
 * The request as a curl command, sending the same bytes as the engine: `--data-raw` for
 * JSON and raw text (never `@file` surprises), `--data-urlencode` per form field, `-F`
 * for multipart, `--user` for Basic, `--digest`, `--ntlm` and `--aws-sigv4` for those auths. Repeated headers stay repeated.
 */
export function curlCommand(request: PreparedRequest): string {
  const args: string[] = []
  const notes: string[] = []
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
  args.push(...computedAuthArgs(request))
  const authNote = computedAuthNote(request, '#', ['digest', 'ntlm', 'awsv4'])
  if (authNote) notes.push(authNote)
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
        if (unnameable(p.key)) {
          notes.push(
            `# Left out: the multipart field ${JSON.stringify(p.key)} (curl -F cannot send "=" in a name).`,
          )
          continue
        }
        // Quoted: a type such as `text/plain;headers=@file` must not make curl read a file.
        if (p.kind === 'file') {
          const type = curlFormQuote(p.contentType || 'application/octet-stream')
          const spec = `${p.key}=@${curlFormQuote(p.path)};filename=${curlFormQuote(fileNameOf(p.path))};type=${type}`
          args.push(`-F ${shellQuote(spec)}`)
        } else if (p.contentType && isPlainFormValue(p.value)) {
          args.push(`-F ${shellQuote(`${p.key}=${p.value};type=${curlFormQuote(p.contentType)}`)}`)
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
  const command = [`curl ${shellQuote(request.url)}`, ...args].join(' \\\n  ') + '\n'
  return notes.length > 0 ? `${notes.join('\n')}\n${command}` : command
}

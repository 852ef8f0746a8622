import { parseQuery } from '../../../../shared/logic/url'
import { computedAuthNote, ntlmUser } from './computedAuth'
import { parsePlainJson, pyString, pyValue } from './literals'
import {
  fileNameOf,
  isBasicAuthHeader,
  isImpliedContentType,
  type PreparedHeader,
  type PreparedRequest,
} from './preparedRequest'

const SHORTCUTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
const nonAscii = (text: string) => [...text].some((c) => c.charCodeAt(0) > 0x7f)

/** Pairs as a dict literal, or as a list of tuples when a key repeats (a dict would drop it). */
function pairsLiteral(pairs: [string, string][]): string {
  if (pairs.length === 0) return '{}'
  const unique = new Set(pairs.map(([k]) => k)).size === pairs.length
  const rows = pairs.map(([k, v]) =>
    unique ? `    ${pyString(k)}: ${v}` : `    (${pyString(k)}, ${v})`,
  )
  return unique ? `{\n${rows.join(',\n')},\n}` : `[\n${rows.join(',\n')},\n]`
}

/** The URL without its query and the query as decoded pairs, when `params=` gives the same query. */
function splitQuery(url: string): { base: string; params: [string, string][] } | null {
  const q = url.indexOf('?')
  if (q === -1) return null
  const pairs = parseQuery(url)
  if (pairs.length === 0 || pairs.some((p) => !p.hasEquals)) return null
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '))
  try {
    const params = pairs.map((p): [string, string] => [decode(p.key), decode(p.value)])
    return { base: url.slice(0, q), params }
  } catch {
    return null
  }
}

/** requests' `auth=` for Digest (built in), NTLM (requests-ntlm) and AWS Signature V4 (requests-aws4auth), with its imports. */
function computedAuthOption(request: PreparedRequest): { imports: string[]; arg: string } | null {
  const auth = request.auth
  if (auth.type === 'digest') {
    return {
      imports: ['from requests.auth import HTTPDigestAuth'],
      arg: `auth=HTTPDigestAuth(${pyString(auth.username)}, ${pyString(auth.password)})`,
    }
  }
  if (auth.type === 'ntlm') {
    return {
      imports: ['from requests_ntlm import HttpNtlmAuth  # pip install requests-ntlm'],
      arg: `auth=HttpNtlmAuth(${pyString(ntlmUser(auth))}, ${pyString(auth.password)})`,
    }
  }
  if (auth.type !== 'awsv4') return null
  const token = auth.sessionToken === '' ? '' : `, session_token=${pyString(auth.sessionToken)}`
  return {
    imports: ['from requests_aws4auth import AWS4Auth  # pip install requests-aws4auth'],
    arg: `auth=AWS4Auth(${[auth.accessKeyId, auth.secretAccessKey, auth.region, auth.service].map(pyString).join(', ')}${token})`,
  }
}

/**
 * The request as a tester writes it with `requests`: `requests.put(url, json=payload, …)`,
 * `data=` for forms and raw text, `files=` for multipart, `auth=` for Basic, Digest and
 * AWS Signature V4, then
 * `raise_for_status()`.
 */
export function pythonRequests(request: PreparedRequest): string {
  const computedAuth = computedAuthOption(request)
  const oauthNote = computedAuthNote(request, '#', ['digest', 'ntlm', 'awsv4'])
  const lines = ['import requests', ...(computedAuth?.imports ?? []), '']
  if (oauthNote) lines.push(oauthNote)
  const args: string[] = ['url']
  const split = splitQuery(request.url)
  lines.push(`url = ${pyString(split ? split.base : request.url)}`)
  if (split) {
    lines.push(`params = ${pairsLiteral(split.params.map(([k, v]) => [k, pyString(v)]))}`)
    args.push('params=params')
  }

  const body = request.body
  let dropBodyType = isImpliedContentType.bind(null, request)
  const basic = request.auth.type === 'basic' ? request.auth : null
  const basicAsOption = basic !== null && !nonAscii(basic.username + basic.password)
  switch (body.type) {
    case 'json': {
      const plain = parsePlainJson(body.text)
      if (plain) {
        lines.push(`payload = ${pyValue(plain.value)}`)
        args.push('json=payload')
        dropBodyType = (h) => h.source === 'body'
      } else {
        lines.push(`payload = ${pyString(body.text)}`)
        args.push(nonAscii(body.text) ? 'data=payload.encode("utf-8")' : 'data=payload')
      }
      break
    }
    case 'form': {
      const fields = body.fields.filter((f) => f.enabled && f.key !== '')
      lines.push(
        `data = ${pairsLiteral(fields.map((f): [string, string] => [f.key, pyString(f.value)]))}`,
      )
      args.push('data=data')
      break
    }
    case 'multipart': {
      const parts = body.parts.filter((p) => p.enabled && p.key !== '')
      const data: [string, string][] = []
      const files: [string, string][] = []
      for (const p of parts) {
        if (p.kind === 'text' && !p.contentType) data.push([p.key, pyString(p.value)])
        else if (p.kind === 'text')
          files.push([p.key, `(None, ${pyString(p.value)}, ${pyString(p.contentType!)})`])
        else {
          const type = pyString(p.contentType || 'application/octet-stream')
          const open = `open(${pyString(p.path)}, "rb")`
          files.push([p.key, `(${pyString(fileNameOf(p.path))}, ${open}, ${type})`])
        }
      }
      if (data.length > 0) {
        lines.push(`data = ${pairsLiteral(data)}`)
        args.push('data=data')
      }
      lines.push(`files = ${pairsLiteral(files)}`)
      args.push('files=files')
      break
    }
    case 'raw':
      lines.push(`payload = ${pyString(body.text)}`)
      args.push(nonAscii(body.text) ? 'data=payload.encode("utf-8")' : 'data=payload')
      break
    case 'binary':
      args.push(`data=open(${pyString(body.path)}, "rb")`)
      break
    default:
      break
  }

  const headers = request.headers.filter(
    (h: PreparedHeader) => !dropBodyType(h) && !(basicAsOption && isBasicAuthHeader(request, h)),
  )
  if (headers.length > 0) {
    // requests takes one value per name: repeated headers are joined, as RFC 9110 allows.
    const merged = new Map<string, [string, string[]]>()
    for (const h of headers) {
      const entry = merged.get(h.name.toLowerCase()) ?? [h.name, []]
      entry[1].push(h.value)
      merged.set(h.name.toLowerCase(), entry)
    }
    const pairs = [...merged.values()].map(([n, v]): [string, string] => [
      n,
      pyString(v.join(', ')),
    ])
    lines.push(`headers = ${pairsLiteral(pairs)}`)
    args.push('headers=headers')
  }
  if (basic && basicAsOption)
    args.push(`auth=(${pyString(basic.username)}, ${pyString(basic.password)})`)
  if (computedAuth) args.push(computedAuth.arg)
  if (request.method === 'HEAD' && request.followRedirects) args.push('allow_redirects=True')
  else if (!request.followRedirects && request.method !== 'HEAD') args.push('allow_redirects=False')
  if (!request.verifyTls) args.push('verify=False')
  if (request.timeoutSeconds > 0) args.push(`timeout=${request.timeoutSeconds}`)

  const call = SHORTCUTS.has(request.method)
    ? `requests.${request.method.toLowerCase()}(`
    : `requests.request(${pyString(request.method)}, `
  const oneLine = `response = ${call}${args.join(', ')})`
  lines.push('')
  lines.push(
    oneLine.length <= 88
      ? oneLine
      : `response = ${call.endsWith(', ') ? call.trimEnd() : call}\n${args.map((a) => `    ${a},`).join('\n')}\n)`,
  )
  lines.push('response.raise_for_status()', 'print(response.text)')
  return lines.join('\n') + '\n'
}

import { computedAuthNote } from './computedAuth'
import { jsString, parsePlainJson } from './literals'
import { fileNameOf, isImpliedContentType, type PreparedRequest } from './preparedRequest'

/** Pairs as an object literal, or as a list of pairs when a name repeats. */
function pairsLiteral(pairs: [string, string][], indent: string): string {
  const unique = new Set(pairs.map(([k]) => k.toLowerCase())).size === pairs.length
  const inner = indent + '  '
  const rows = pairs.map(([k, v]) =>
    unique ? `${inner}${jsString(k)}: ${v},` : `${inner}[${jsString(k)}, ${v}],`,
  )
  return unique ? `{\n${rows.join('\n')}\n${indent}}` : `[\n${rows.join('\n')}\n${indent}]`
}

/**
 * The request for Node 18+ with its built-in `fetch` (an ES module: top-level await, no
 * packages to install). Files are read with `node:fs/promises`.
 */
export function nodeFetch(request: PreparedRequest): string {
  const head: string[] = []
  const setup: string[] = [`const url = ${jsString(request.url)}`]
  const options: string[] = [`  method: ${jsString(request.method)},`]
  const body = request.body
  let dropBodyType = false
  let bodyExpr: string | null = null
  switch (body.type) {
    case 'json': {
      const plain = parsePlainJson(body.text)
      if (plain) {
        setup.push(`const payload = ${JSON.stringify(plain.value, null, 2)}`)
        bodyExpr = 'JSON.stringify(payload)'
      } else bodyExpr = jsString(body.text)
      break
    }
    case 'form': {
      const fields = body.fields.filter((f) => f.enabled && f.key !== '')
      const pairs = fields.map((f): [string, string] => [f.key, jsString(f.value)])
      // fetch would add `;charset=UTF-8` to its own Content-Type: the explicit header keeps Courier's.
      bodyExpr = `new URLSearchParams(${pairsLiteral(pairs, '  ')})`
      break
    }
    case 'multipart': {
      setup.push('const form = new FormData()')
      for (const p of body.parts) {
        if (!p.enabled || p.key === '') continue
        const key = jsString(p.key)
        if (p.kind === 'text') {
          const value = p.contentType
            ? `new Blob([${jsString(p.value)}], { type: ${jsString(p.contentType)} })`
            : jsString(p.value)
          setup.push(`form.append(${key}, ${value})`)
          continue
        }
        if (head.length === 0) head.push("import { readFile } from 'node:fs/promises'", '')
        const type = jsString(p.contentType || 'application/octet-stream')
        const blob = `new Blob([await readFile(${jsString(p.path)})], { type: ${type} })`
        setup.push(`form.append(${key}, ${blob}, ${jsString(fileNameOf(p.path))})`)
      }
      bodyExpr = 'form'
      dropBodyType = true
      break
    }
    case 'raw':
      bodyExpr = jsString(body.text)
      break
    case 'binary':
      head.push("import { readFile } from 'node:fs/promises'", '')
      bodyExpr = `await readFile(${jsString(body.path)})`
      break
    default:
      break
  }

  const basic = request.auth.type === 'basic' ? request.auth : null
  const headers = request.headers
    .filter((h) => !(dropBodyType && isImpliedContentType(request, h)))
    .map((h): [string, string] => [
      h.name,
      basic && h.source === 'auth'
        ? `'Basic ' + Buffer.from(${jsString(`${basic.username}:${basic.password}`)}).toString('base64')`
        : jsString(h.value),
    ])
  if (headers.length > 0) options.push(`  headers: ${pairsLiteral(headers, '  ')},`)
  if (bodyExpr !== null) options.push(`  body: ${bodyExpr},`)
  if (!request.followRedirects) options.push("  redirect: 'manual',")
  if (request.timeoutSeconds > 0)
    options.push(`  signal: AbortSignal.timeout(${Math.round(request.timeoutSeconds * 1000)}),`)
  const notes = request.verifyTls
    ? []
    : ['// This request skips TLS verification: run with NODE_TLS_REJECT_UNAUTHORIZED=0.']
  const authNote = computedAuthNote(request, '//')
  if (authNote) notes.push(authNote)

  return [
    ...head,
    ...notes,
    ...setup,
    '',
    'const response = await fetch(url, {',
    ...options,
    '})',
    'if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`)',
    'console.log(await response.text())',
    '',
  ].join('\n')
}

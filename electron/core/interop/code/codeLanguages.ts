import { HTTPSnippet, type HarRequest as SnippetRequest, type TargetId } from 'httpsnippet'
import type { CodeLanguage } from '../../../../shared/model/interop'
import type { RequestSpec } from '../../../../shared/model/request'
import { computedAuthNote } from './computedAuth'
import { curlCommand } from './curl'
import { toHarRequest } from './harRequest'
import { nodeFetch } from './nodeFetch'
import { prepareRequest, type PreparedRequest } from './preparedRequest'
import { pythonRequests } from './pythonRequests'

interface Generator {
  label: string
  /** Our own generator, where httpsnippet's output is not what a tester writes. */
  own?: (request: PreparedRequest) => string
  /** Otherwise httpsnippet's target and client. */
  target?: [TargetId, string]
  comment: '#' | '//'
}

const GENERATORS: Record<string, Generator> = {
  curl: { label: 'cURL', own: curlCommand, comment: '#' },
  httpie: { label: 'HTTPie', target: ['shell', 'httpie'], comment: '#' },
  'python-requests': { label: 'Python (requests)', own: pythonRequests, comment: '#' },
  'javascript-fetch': {
    label: 'JavaScript (fetch)',
    target: ['javascript', 'fetch'],
    comment: '//',
  },
  'javascript-axios': {
    label: 'JavaScript (axios)',
    target: ['javascript', 'axios'],
    comment: '//',
  },
  'node-fetch': { label: 'Node.js (fetch)', own: nodeFetch, comment: '//' },
  'node-axios': { label: 'Node.js (axios)', target: ['node', 'axios'], comment: '//' },
  go: { label: 'Go (net/http)', target: ['go', 'native'], comment: '//' },
  'java-okhttp': { label: 'Java (OkHttp)', target: ['java', 'okhttp'], comment: '//' },
  'java-httpclient': { label: 'Java (HttpClient)', target: ['java', 'nethttp'], comment: '//' },
  'csharp-httpclient': {
    label: 'C# (HttpClient)',
    target: ['csharp', 'httpclient'],
    comment: '//',
  },
  'php-curl': { label: 'PHP (cURL)', target: ['php', 'curl'], comment: '//' },
  ruby: { label: 'Ruby (Net::HTTP)', target: ['ruby', 'native'], comment: '#' },
  swift: { label: 'Swift (URLSession)', target: ['swift', 'nsurlsession'], comment: '//' },
  'kotlin-okhttp': { label: 'Kotlin (OkHttp)', target: ['kotlin', 'okhttp'], comment: '//' },
  powershell: { label: 'PowerShell', target: ['powershell', 'restmethod'], comment: '#' },
}

/** The languages of the Code panel, in the order it offers them. */
export function codeLanguages(): CodeLanguage[] {
  return Object.entries(GENERATORS).map(([id, g]) => ({ id, label: g.label }))
}

/** The request through httpsnippet; what HAR cannot carry (a file body) is said in a comment. */
function snippet(request: PreparedRequest, generator: Generator): string {
  const [target, client] = generator.target!
  const har = toHarRequest(request, { queryString: false })
  // httpsnippet keeps one value per name; a repeated header is joined, as RFC 9110 allows.
  const joined = new Map<string, { name: string; value: string }>()
  for (const h of har.headers) {
    const seen = joined.get(h.name.toLowerCase())
    if (seen) seen.value += `, ${h.value}`
    else joined.set(h.name.toLowerCase(), { ...h })
  }
  har.headers = [...joined.values()]
  const notes: string[] = []
  const authNote = computedAuthNote(request, generator.comment)
  if (authNote) notes.push(authNote)
  if (request.body.type === 'binary') {
    notes.push(`${generator.comment} Send the bytes of ${request.body.path} as the body.`)
  }
  if (request.body.type === 'multipart' && har.postData?.params?.some((p) => p.fileName)) {
    notes.push(
      `${generator.comment} File parts are given by their path: check that this code reads the file's bytes.`,
    )
  }
  const out = new HTTPSnippet(har as unknown as SnippetRequest).convert(target, client, {
    indent: '  ',
  })
  const code = Array.isArray(out) ? out.join('\n') : out || ''
  return [...notes, code].join('\n').trimEnd() + '\n'
}

/**
 * The request, with `variables` resolved (unknown `{{names}}` left as written), as code in
 * `language` (an id of codeLanguages()), sending what Courier sends. Courier's own default
 * headers (User-Agent, Accept, Accept-Encoding) are left to the client.
 *
 * @throws Error naming the known ids when `language` is not one.
 */
export function generateCode(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
  language: string,
): string {
  const generator = Object.hasOwn(GENERATORS, language) ? GENERATORS[language] : undefined
  if (!generator) {
    throw new Error(
      `Unknown language "${language}". Languages: ${Object.keys(GENERATORS).join(', ')}.`,
    )
  }
  const request = prepareRequest(spec, variables)
  return generator.own ? generator.own(request) : snippet(request, generator)
}

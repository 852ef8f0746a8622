import type { HistoryEntry } from '../../../shared/model/history'

/** An entry with the request body as it was sent (text), which HistoryEntry does not carry. */
export interface HarSource {
  entry: HistoryEntry
  requestBody: string | null
}

type NameValue = { name: string; value: string }

const pairs = (headers: readonly (readonly [string, string])[]): NameValue[] =>
  headers.map(([name, value]) => ({ name, value }))

const headerValue = (headers: readonly (readonly [string, string])[], name: string) =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1]

function queryOf(url: string): NameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

const httpVersion = (v: string) => (v.startsWith('HTTP/') ? v : `HTTP/${v}`)

/** One HAR 1.2 entry. A send that got no response has status 0 and its error in `_error`. */
function harEntry({ entry, requestBody }: HarSource): object {
  const response = entry.response
  const sent = response?.sent ?? entry.sentOnError
  const requestHeaders = sent?.headers ?? []
  const url = sent?.url ?? entry.url
  const bodyBytes = requestBody === null ? 0 : Buffer.byteLength(requestBody)
  const request = {
    method: sent?.method ?? entry.method,
    url,
    httpVersion: httpVersion(response?.httpVersion ?? '1.1'),
    cookies: [],
    headers: pairs(requestHeaders),
    queryString: queryOf(url),
    ...(requestBody !== null
      ? {
          postData: {
            mimeType: headerValue(requestHeaders, 'content-type') ?? '',
            text: requestBody,
          },
        }
      : {}),
    headersSize: -1,
    bodySize: bodyBytes,
  }
  const t = response?.timings
  return {
    startedDateTime: new Date(entry.at).toISOString(),
    time: t?.total ?? 0,
    request,
    response: response
      ? {
          status: response.status,
          statusText: response.statusText,
          httpVersion: httpVersion(response.httpVersion),
          cookies: [],
          headers: pairs(response.headers),
          content: {
            size: response.sizes.body,
            mimeType: headerValue(response.headers, 'content-type') ?? response.mediaType,
            text: response.body,
            ...(response.bodyEncoding === 'base64' ? { encoding: 'base64' } : {}),
            ...(entry.truncated ? { comment: 'Cut at the history size limit per entry.' } : {}),
          },
          redirectURL: headerValue(response.headers, 'location') ?? '',
          headersSize: response.sizes.headers,
          bodySize: response.sizes.encodedBody,
        }
      : {
          status: 0,
          statusText: '',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        },
    cache: {},
    // HAR's connect includes the TLS handshake; send is not measured apart from wait.
    timings: {
      blocked: -1,
      dns: t ? t.dns : -1,
      connect: t ? t.connect + t.tls : -1,
      ssl: t ? t.tls : -1,
      send: 0,
      wait: t ? t.firstByte : 0,
      receive: t ? t.download : 0,
    },
    ...(entry.error ? { _error: entry.error } : {}),
    ...(entry.environment ? { comment: `Environment: ${entry.environment}` } : {}),
  }
}

/** An export builds one string: past this many bytes of bodies, ask for a smaller selection. */
const MAX_EXPORT_BODY_BYTES = 256 * 1024 * 1024

/**
 * Loads the entries to export (those deleted meanwhile are left out).
 * @throws Error when they hold too much body to export at once.
 */
export function loadForExport(
  ids: readonly number[],
  load: (id: number) => HarSource | null,
): HarSource[] {
  const sources: HarSource[] = []
  let bytes = 0
  for (const id of new Set(ids)) {
    const source = load(id)
    if (!source) continue
    bytes += (source.entry.response?.body.length ?? 0) + (source.requestBody?.length ?? 0)
    if (bytes > MAX_EXPORT_BODY_BYTES) {
      throw new Error(
        `These ${ids.length} entries hold more than ${MAX_EXPORT_BODY_BYTES / 1024 / 1024} MB of bodies: export fewer at a time.`,
      )
    }
    sources.push(source)
  }
  return sources
}

/** The entries as a HAR 1.2 document (JSON text), oldest first as HAR viewers expect. */
export function toHar(sources: readonly HarSource[], creatorVersion: string): string {
  const entries = [...sources].sort((a, b) => a.entry.at - b.entry.at || a.entry.id - b.entry.id)
  return JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'Courier', version: creatorVersion },
        entries: entries.map(harEntry),
      },
    },
    null,
    2,
  )
}

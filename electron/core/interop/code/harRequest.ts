import { parseQuery } from '../../../../shared/logic/url'
import type { PreparedRequest } from './preparedRequest'

/** A HAR 1.2 request object (the subset Courier writes). */
export interface HarRequest {
  method: string
  url: string
  httpVersion: string
  cookies: { name: string; value: string }[]
  headers: { name: string; value: string }[]
  queryString: { name: string; value: string }[]
  postData?: {
    mimeType: string
    text?: string
    params?: { name: string; value?: string; fileName?: string; contentType?: string }[]
    comment?: string
  }
  headersSize: number
  bodySize: number
  comment?: string
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/**
 * The prepared request as HAR. Multipart file params carry the file's path in `fileName`
 * (what code generators open); a binary body is noted, not inlined.
 */
export function toHarRequest(
  request: PreparedRequest,
  options: { queryString: boolean } = { queryString: true },
): HarRequest {
  const headers = request.headers.map((h) => ({ name: h.name, value: h.value }))
  const contentType =
    request.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? null
  const har: HarRequest = {
    method: request.method,
    url: request.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString: options.queryString
      ? parseQuery(request.url).map((p) => ({ name: decode(p.key), value: decode(p.value) }))
      : [],
    headersSize: -1,
    bodySize: -1,
  }
  const body = request.body
  switch (body.type) {
    case 'json':
      har.postData = { mimeType: contentType ?? 'application/json', text: body.text }
      break
    case 'raw':
      har.postData = { mimeType: contentType ?? body.contentType, text: body.text }
      break
    case 'form': {
      const fields = body.fields.filter((f) => f.enabled && f.key !== '')
      har.postData = {
        mimeType: contentType ?? 'application/x-www-form-urlencoded',
        params: fields.map((f) => ({ name: f.key, value: f.value })),
        text: new URLSearchParams(fields.map((f): [string, string] => [f.key, f.value])).toString(),
      }
      break
    }
    case 'multipart':
      har.postData = {
        mimeType: 'multipart/form-data',
        params: body.parts
          .filter((p) => p.enabled && p.key !== '')
          .map((p) =>
            p.kind === 'text'
              ? {
                  name: p.key,
                  value: p.value,
                  ...(p.contentType ? { contentType: p.contentType } : {}),
                }
              : {
                  name: p.key,
                  fileName: p.path,
                  contentType: p.contentType || 'application/octet-stream',
                },
          ),
      }
      break
    case 'binary':
      har.postData = {
        mimeType: contentType ?? 'application/octet-stream',
        text: '',
        comment: `The body is the file ${body.path}`,
      }
      break
    default:
      break
  }
  return har
}

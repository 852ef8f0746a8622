import type { RequestBody } from '../../../../shared/model/request'
import type { ImportResult } from '../interopTypes'
import {
  arr,
  cleanMethod,
  cleanName,
  emptyFolder,
  isObj,
  obj,
  row,
  savedRequest,
  str,
  type Obj,
} from './importHelpers'

/** Headers the client computes when it sends: not worth carrying over. */
const COMPUTED = new Set(['content-length', 'host', 'connection'])

/** A HAR 1.2 log: one request per entry, the URL kept as recorded. */
export function importHar(data: Obj, fileName?: string): ImportResult {
  const log = obj(data.log)
  const root = emptyFolder(cleanName(fileName?.replace(/\.[^.]*$/, ''), 'HAR import'))
  const notes: string[] = []
  let dropped = 0
  arr(log.entries).forEach((entry, index) => {
    const request = obj(obj(entry).request)
    const url = str(request.url)
    const method = cleanMethod(request.method)
    let name = `${method} ${url}`
    try {
      const u = new URL(url)
      name = `${method} ${u.host}${u.pathname}`
    } catch {
      // Not a URL the platform parses: keep it as recorded.
    }
    const headers = arr(request.headers)
      .filter(isObj)
      .filter((h) => {
        const key = str(h.name)
        const skip = key.startsWith(':') || COMPUTED.has(key.toLowerCase())
        if (skip) dropped++
        return !skip
      })
      .map((h) => row(h.name, h.value))
    const body = harBody(request.postData, `Entry ${index + 1} (${name})`, notes)
    root.requests.push(
      savedRequest(cleanName(name, `Entry ${index + 1}`), {
        method,
        url,
        headers,
        body,
        auth: { type: 'none' },
      }),
    )
  })
  if (dropped > 0)
    notes.push(
      `${dropped} computed headers (HTTP/2 pseudo-headers, Host, Content-Length, Connection) were left out: Courier sets them when it sends.`,
    )
  if (root.requests.length > 0)
    notes.push(
      'Responses recorded in the HAR file were not imported (Courier imports the requests).',
    )
  return { format: `har ${str(log.version, '1.2')}`, root, environments: [], notes }
}

function harBody(postData: unknown, where: string, notes: string[]): RequestBody {
  if (!isObj(postData)) return { type: 'none' }
  const mimeType = str(postData.mimeType)
  const params = arr(postData.params).filter(isObj)
  if (/multipart\/form-data/i.test(mimeType) && params.length > 0) {
    return {
      type: 'multipart',
      parts: params.map((p) => {
        if (str(p.fileName)) {
          notes.push(
            `${where}: the file "${str(p.fileName)}" of field "${str(p.name)}" was not recorded; choose the file.`,
          )
          return { kind: 'file' as const, key: str(p.name), path: str(p.fileName), enabled: true }
        }
        return { kind: 'text' as const, key: str(p.name), value: str(p.value), enabled: true }
      }),
    }
  }
  if (/x-www-form-urlencoded/i.test(mimeType) && params.length > 0)
    return { type: 'form', fields: params.map((p) => row(p.name, p.value)) }
  const text = str(postData.text)
  if (/json/i.test(mimeType)) return { type: 'json', text }
  if (text === '' && !mimeType) return { type: 'none' }
  return { type: 'raw', text, contentType: mimeType || 'text/plain' }
}

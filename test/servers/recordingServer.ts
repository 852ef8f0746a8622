import { createServer } from 'node:http'
import { listen, type RunningServer } from './listen'

/** One request exactly as it arrived on the wire. */
export interface RecordedRequest {
  method: string
  /** Path and query as sent, e.g. `/landed?x=1`. */
  url: string
  /** Header names in the sender's casing, in order, duplicates kept. */
  headers: [string, string][]
  body: string
}

/**
 * Records every request it gets and answers `{"ok":true}`. `/redirect?to=URL` answers
 * 302 to URL, for the cross-host auth tests (bind one on 127.0.0.1 and one on 127.0.0.2).
 */
export async function startRecordingServer(
  host = '127.0.0.1',
): Promise<RunningServer & { requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers: [string, string][] = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!])
      }
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      const url = new URL(req.url ?? '/', 'http://recording.local')
      const to = url.pathname === '/redirect' ? url.searchParams.get('to') : null
      if (to) res.writeHead(302, { Location: to }).end()
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
    })
  })
  const running = await listen(server, host)
  return { ...running, requests }
}

import { createServer } from 'node:http'
import { listen, type RunningServer } from './listen'

/** The name of the last record of every bigJson body: a word to search for near the end. */
export const LAST_RECORD_NAME = 'zebrafish-at-the-end'

/** A compact JSON array of small records, about `bytes` long (no line breaks). */
export function bigJson(bytes: number): string {
  const parts: string[] = []
  let length = 2
  for (let id = 0; length < bytes; id++) {
    const part = JSON.stringify({ id, name: `user ${id}`, tags: ['alpha', 'bravo'], ok: true })
    parts.push(part)
    length += part.length + 1
  }
  parts.push(JSON.stringify({ id: -1, name: LAST_RECORD_NAME }))
  return `[${parts.join(',')}]`
}

/** `/big` answers a ~3 MB JSON body, over the viewer's large-body threshold. */
export function startBigJsonServer(bytes = 3_000_000): Promise<RunningServer> {
  const body = Buffer.from(bigJson(bytes))
  const server = createServer((req, res) => {
    req.resume()
    res
      .writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': body.length,
      })
      .end(body)
  })
  return listen(server)
}

import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { BodySaveResult } from '../../shared/model/body'
import { asciiName } from './bodyDownloads'
import { sendStatus } from './staticFiles'

const PREFIX = '/report/'
/** A ticket is good for one download, soon: it travels in a URL the browser may log. */
const TICKET_LIFETIME_MS = 60_000

interface Ticket {
  path: string
  fileName: string
  expires: number
}

/**
 * A run's report in browser mode, which has no save dialog: written to a file of this
 * session, then offered once as a download (`/report/<ticket>`), streamed from disk and
 * deleted once served or expired.
 */
export function createReportDownloads(dir: string) {
  const tickets = new Map<string, Ticket>()

  function sweep(now: number): void {
    for (const [ticket, entry] of tickets) {
      if (entry.expires >= now) continue
      tickets.delete(ticket)
      void rm(entry.path, { force: true })
    }
  }

  /** Writes the report with `write` and answers with the URL to download it from. */
  async function save(
    fileName: string,
    write: (path: string) => Promise<void>,
  ): Promise<BodySaveResult> {
    sweep(Date.now())
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const ticket = randomBytes(24).toString('base64url')
    const path = join(dir, `${ticket}${extname(fileName)}`)
    try {
      await write(path)
    } catch (error) {
      await rm(path, { force: true })
      throw error
    }
    tickets.set(ticket, { path, fileName, expires: Date.now() + TICKET_LIFETIME_MS })
    return { outcome: 'download', url: `${PREFIX}${ticket}` }
  }

  /** Serves `/report/<ticket>`; false when the request is not for a report. */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '').split('?', 1)[0] ?? ''
    if (!path.startsWith(PREFIX)) return false
    const ticket = path.slice(PREFIX.length)
    const entry = tickets.get(ticket)
    tickets.delete(ticket)
    if (!entry || entry.expires < Date.now() || req.method !== 'GET') {
      if (entry) void rm(entry.path, { force: true })
      sendStatus(res, 404)
      return true
    }
    void serve(entry, res)
    return true
  }

  async function serve(entry: Ticket, res: ServerResponse): Promise<void> {
    try {
      const { size } = await stat(entry.path)
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(size),
        'Content-Disposition': `attachment; filename="${asciiName(entry.fileName)}"; filename*=UTF-8''${encodeURIComponent(entry.fileName)}`,
        'Cache-Control': 'no-store',
      })
      await pipeline(createReadStream(entry.path), res)
    } catch {
      if (!res.headersSent) sendStatus(res, 404)
      else res.destroy()
    } finally {
      await rm(entry.path, { force: true })
    }
  }

  return {
    save,
    handle,
    /** Deletes every report not downloaded yet. */
    close: () => rm(dir, { recursive: true, force: true }),
  }
}

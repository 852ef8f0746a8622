import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { BodySaveResult } from '../../shared/model/body'
import type { BodyStore } from '../core/bodies/bodyStore'
import { BodyNotKeptError } from '../core/bodies/keptBody'
import { sendStatus } from './staticFiles'

const PREFIX = '/download/'
/** A ticket is good for one download, soon: it travels in a URL the browser may log. */
const TICKET_LIFETIME_MS = 60_000

/**
 * Save to file in browser mode: the bridge call answers with a one-time URL, and the
 * browser downloads the body from it, streamed from the body store (from disk for big
 * bodies), so a 200 MB body never passes through the page.
 */
export function createBodyDownloads(bodies: BodyStore) {
  const tickets = new Map<string, { bodyId: string; fileName: string; expires: number }>()

  function offer(bodyId: string, fileName: string): BodySaveResult {
    if (!bodies.has(bodyId)) throw new BodyNotKeptError()
    const ticket = randomBytes(24).toString('base64url')
    tickets.set(ticket, { bodyId, fileName, expires: Date.now() + TICKET_LIFETIME_MS })
    return { outcome: 'download', url: `${PREFIX}${ticket}` }
  }

  /** Serves `/download/<ticket>`; false when the request is not for a download. */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '').split('?', 1)[0] ?? ''
    if (!path.startsWith(PREFIX)) return false
    const ticket = path.slice(PREFIX.length)
    const entry = tickets.get(ticket)
    tickets.delete(ticket)
    if (!entry || entry.expires < Date.now() || req.method !== 'GET' || !bodies.has(entry.bodyId)) {
      sendStatus(res, 404)
      return true
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bodies.size(entry.bodyId)),
      'Content-Disposition': `attachment; filename="${asciiName(entry.fileName)}"; filename*=UTF-8''${encodeURIComponent(entry.fileName)}`,
      'Cache-Control': 'no-store',
    })
    pipeline(bodies.stream(entry.bodyId), res).catch(() => res.destroy())
    return true
  }

  return { offer, handle }
}

/** The file name with anything outside printable ASCII (and quotes) replaced, for old clients. */
export function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'response'
}

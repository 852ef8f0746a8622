import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** The MIME type served for a file name; unknown kinds are plain bytes. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a request target to a path relative to the root, or null when it could leave
 * the root: `..` or `.` segments (also percent-encoded), NUL, backslashes, bad escapes.
 */
export function relativeFilePath(target: string): string | null {
  const rawPath = target.split(/[?#]/, 1)[0] ?? ''
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').slice(1)
  if (segments.some((s) => s === '..' || s === '.')) return null
  const relative = segments.join('/')
  return relative === '' ? 'index.html' : relative
}

/** Answers with a status and its reason phrase as plain text. */
export function sendStatus(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  const body = `${STATUS_CODES[status] ?? 'Error'}\n`
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}

/**
 * Serves the built renderer from `rootDir`: GET and HEAD only, `/` is index.html, and
 * nothing outside the root (checked on the real path, so a symlink cannot lead out).
 */
export function createStaticHandler(rootDir: string) {
  const rootPromise = realpath(rootDir)
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStatus(res, 405, { Allow: 'GET, HEAD' })
      return
    }
    const relative = relativeFilePath(req.url ?? '/')
    const root = await rootPromise
    const file = relative === null ? null : await realFileInside(root, relative)
    if (file === null && relative === 'favicon.ico') {
      // Browsers ask for it unprompted; a 404 would be a console error in every session.
      res.writeHead(204).end()
      return
    }
    if (file === null) {
      sendStatus(res, 404)
      return
    }
    const info = await stat(file)
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(info.size),
      'Cache-Control': 'no-cache',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = createReadStream(file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }
}

async function realFileInside(root: string, relative: string): Promise<string | null> {
  try {
    const file = await realpath(resolve(root, relative))
    if (!file.startsWith(root + sep)) return null
    return (await stat(file)).isFile() ? file : null
  } catch {
    return null
  }
}

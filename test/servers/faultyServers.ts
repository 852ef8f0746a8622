import { createServer as createHttpServer } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import { createDeflate, createGzip, gzipSync } from 'node:zlib'
import { listen, type RunningServer } from './listen'

/** Accepts the connection, reads the request, then resets the socket without answering. */
export function startResetServer(): Promise<RunningServer> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => socket.resetAndDestroy())
  })
  return listen(server)
}

/**
 * `/bytes/N` streams N zero bytes in 64 KiB chunks without buffering them, so a 150 MB body
 * costs the test process nothing. Any other path answers 200 with an empty body after
 * draining the request.
 */
/** What `/bytes/N` repeats: varied bytes, so a copy that drops or reorders any shows. */
export const hugeBodyChunk = Buffer.from(
  Array.from({ length: 64 * 1024 }, (_, i) => (i * 7 + (i >> 8)) & 0xff),
)

export function startHugeBodyServer(): Promise<RunningServer> {
  const chunk = hugeBodyChunk
  const server = createHttpServer((req, res) => {
    const match = /^\/bytes\/(\d+)$/.exec(req.url ?? '')
    if (!match) {
      req.resume()
      req.on('end', () => res.end())
      return
    }
    let left = Number(match[1])
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': left })
    const pump = () => {
      while (left > 0) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
        left -= piece.length
        if (!res.write(piece)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('close', () => (left = 0))
    pump()
  })
  return listen(server)
}

/** `/loop` redirects to itself for ever. */
export function startRedirectLoopServer(): Promise<RunningServer> {
  const server = createHttpServer((req, res) => {
    res.writeHead(302, { Location: '/loop' }).end()
  })
  return listen(server)
}

/**
 * `/no-response` never answers; `/never-ends` sends headers and one chunk, then stalls;
 * `/never-ends/gzip` and `/never-ends/deflate` do the same with a compressed chunk (the
 * body goes through a decoder), and `/headers-only/deflate` stalls before any of its body.
 * Sockets are destroyed on close() by listen().
 */
export function startHangingServer(): Promise<RunningServer> {
  const server = createHttpServer((req, res) => {
    const chunk = 'first chunk, and nothing after it'
    if (req.url === '/never-ends') {
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.write(chunk)
    }
    const coding = /^\/never-ends\/(gzip|deflate)$/.exec(req.url ?? '')?.[1]
    if (coding) {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': coding })
      const encoder = coding === 'gzip' ? createGzip() : createDeflate()
      encoder.pipe(res)
      encoder.write(chunk)
      encoder.flush()
    }
    if (req.url === '/headers-only/deflate') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'deflate' })
      res.flushHeaders()
    }
  })
  return listen(server)
}

/**
 * `/bomb/N` answers N zero bytes gzip-compressed (a few KB on the wire); `/corrupt` claims
 * gzip but sends bytes that are not.
 */
export function startCompressedServer(): Promise<RunningServer> {
  const server = createHttpServer((req, res) => {
    const bomb = /^\/bomb\/(\d+)$/.exec(req.url ?? '')
    const body = bomb ? gzipSync(Buffer.alloc(Number(bomb[1]))) : Buffer.from('not gzip at all')
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body)
  })
  return listen(server)
}

/**
 * Answers 200 with a Content-Length of 100,000, sends the first 1,000 bytes of the body, then
 * drops the connection: a body cut off mid-way must fail, never pass as a short response.
 */
export function startCutOffBodyServer(): Promise<RunningServer> {
  const server = createHttpServer((req, res) => {
    req.resume()
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' })
    res.write(Buffer.alloc(1000, 0x20), () => res.socket?.destroy())
  })
  return listen(server)
}

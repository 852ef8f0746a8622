import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type { WireMessage } from '../../shared/ipc'

/** A temp tree: `<root>/renderer/{index.html,assets/app.js}` beside a `<root>/package.json` that must stay unreachable. */
export function makeRendererDir(): { root: string; rendererDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'courier-web-'))
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Courier</title><script type="module" src="./assets/app.js"></script>',
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("courier")\n')
  writeFileSync(join(root, 'package.json'), '{"secret":"outside the renderer"}')
  return { root, rendererDir }
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** An HTTP request with the path sent exactly as given (no normalisation of `..`). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens the bridge; rejects with the HTTP status when the upgrade is refused. */
export function openBridge(
  port: number,
  opts: { token?: string; origin?: string; host?: string },
): Promise<WebSocket> {
  const query = opts.token === undefined ? '' : `?token=${encodeURIComponent(opts.token)}`
  const headers: Record<string, string> = {}
  if (opts.host) headers.Host = opts.host
  const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge${query}`, {
    headers,
    ...(opts.origin ? { origin: opts.origin } : {}),
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => {
      reject(new UpgradeRefused(res.statusCode ?? 0))
      ws.terminate()
    })
    ws.once('error', reject)
  })
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`)
  }
}

/** Every message a socket receives, and a way to wait for the answer to one request. */
export function bridgeClient(ws: WebSocket) {
  const messages: WireMessage[] = []
  const waiters = new Map<number, (m: WireMessage) => void>()
  let nextId = 1
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as WireMessage
    messages.push(message)
    if (message.kind === 'result') waiters.get(message.id)?.(message)
  })
  return {
    messages,
    /** Sends `{id, call, args}` and resolves with the answer for that id. */
    call(call: string, args: unknown): Promise<WireMessage & { kind: 'result' }> {
      const id = nextId++
      return new Promise((resolve) => {
        waiters.set(id, (m) => resolve(m as WireMessage & { kind: 'result' }))
        ws.send(JSON.stringify({ id, call, args }))
      })
    },
  }
}

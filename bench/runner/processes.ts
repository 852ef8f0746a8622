import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback server that answers every request with the same small JSON, and counts them. */
export interface CountingServer {
  url: string
  /** Requests answered since the last reset. */
  count(): number
  reset(): void
  /** Called with the running count after each request is answered. */
  onRequest: ((count: number) => void) | null
  close(): Promise<void>
}

const BODY = JSON.stringify({ id: 1, name: 'Jane Roe', email: 'jane@example.com' })

export async function startCountingServer(): Promise<CountingServer> {
  let count = 0
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(BODY),
    })
    res.end(BODY)
    count++
    api.onRequest?.(count)
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const api: CountingServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    reset: () => void (count = 0),
    onRequest: null,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
  return api
}

/** What one process did: wall time from spawn to exit, in ms. */
export interface TimedRun {
  ms: number
  pid: number
}

/**
 * Runs `node ARGS` in `cwd`, output drained (each tool prints its usual terminal report),
 * and resolves with the wall time; rejects when it exits non-zero, with its last output.
 * `onSpawn` gets the pid as soon as the process exists.
 */
export function runNode(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onSpawn?: (pid: number) => void } = {},
): Promise<TimedRun> {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (child.pid !== undefined) options.onSpawn?.(child.pid)
    let tail = ''
    const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-2000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', fail)
    child.on('exit', (code) => {
      const ms = performance.now() - started
      if (code !== 0) fail(new Error(`node ${args.join(' ')} exited ${code}:\n${tail}`))
      else done({ ms, pid: child.pid ?? -1 })
    })
  })
}

/** A process's resident memory from /proc (Linux), in MB; null where there is no /proc. */
export function rssMB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null
  } catch {
    return null
  }
}

export const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpEngine } from '../electron/core/http/engine'
import { emptyRequest } from '../shared/model/request'

const REQUESTS = 2_000
const BODY = JSON.stringify({ id: 1, name: 'Jane Roe', email: 'jane@example.com' })

/** Runs `count` tasks with at most `concurrency` in flight; returns requests per second. */
async function rate(
  count: number,
  concurrency: number,
  task: () => Promise<void>,
): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await task()
    }),
  )
  return count / ((performance.now() - started) / 1000)
}

function rawGet(agent: http.Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          Buffer.concat(chunks).length > 0 ? resolve() : reject(new Error('empty')),
        )
      })
      .on('error', reject)
  })
}

/** 2,000 small GETs through the engine and through bare node:http with a keep-alive agent. */
export async function benchEngine(): Promise<void> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(BODY),
    })
    res.end(BODY)
  })
  server.keepAliveTimeout = 10_000
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/users/1`
  const engine = new HttpEngine()
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const spec = { ...emptyRequest(), url }
  const viaEngine = async () => {
    const r = await engine.send({ spec })
    if (!r.ok || r.response.status !== 200) throw new Error('engine request failed')
  }
  try {
    // Warm both paths (JIT, sockets) before measuring.
    await rate(200, 8, viaEngine)
    await rate(200, 8, () => rawGet(agent, url))
    for (const concurrency of [1, 8]) {
      const baseline = await rate(REQUESTS, concurrency, () => rawGet(agent, url))
      const courier = await rate(REQUESTS, concurrency, viaEngine)
      console.log(
        JSON.stringify({
          bench: 'engine',
          requests: REQUESTS,
          concurrency,
          rawNodeHttpPerSec: Math.round(baseline),
          enginePerSec: Math.round(courier),
          ratio: Math.round((courier / baseline) * 100) / 100,
        }),
      )
    }
  } finally {
    engine.close()
    agent.destroy()
    server.close()
  }
}

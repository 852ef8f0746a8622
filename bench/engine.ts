import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Readable } from 'node:stream'
import { engineAxios } from '../electron/core/http/axiosConfig'
import { HttpEngine } from '../electron/core/http/engine'
import { emptyRequest } from '../shared/model/request'

const REQUESTS = 2_000
const BODY = JSON.stringify({ id: 1, name: 'Jane Roe', email: 'jane@example.com' })

interface Rate {
  perSec: number
  /** CPU time of this process (client and server) per request: steadier than wall time on a busy machine. */
  cpuMsPerRequest: number
}

/** Runs `count` tasks with at most `concurrency` in flight. */
async function rate(count: number, concurrency: number, task: () => Promise<void>): Promise<Rate> {
  let next = 0
  const started = performance.now()
  const cpu = process.cpuUsage()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await task()
    }),
  )
  const used = process.cpuUsage(cpu)
  return {
    perSec: count / ((performance.now() - started) / 1000),
    cpuMsPerRequest: (used.user + used.system) / 1000 / count,
  }
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

/**
 * axios alone, as the engine calls it (its own instance: a stream read to its end, no
 * redirects, no decompression, no default headers), with the headers the engine sends: the
 * floor of the chosen stack, between raw node:http and the engine.
 */
async function axiosGet(agent: http.Agent, url: string): Promise<void> {
  const response = await engineAxios.request<Readable>({
    url,
    method: 'GET',
    headers: { 'User-Agent': 'Courier', Accept: '*/*', 'Accept-Encoding': 'gzip, deflate, br' },
    httpAgent: agent,
  })
  let bytes = 0
  for await (const chunk of response.data) bytes += (chunk as Buffer).length
  if (bytes === 0) throw new Error('empty')
}

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * 2,000 small GETs through the engine, through axios alone and through bare node:http, each
 * with a keep-alive agent. Target (issue 19): the engine at 0.5x raw node:http or better.
 */
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
    await rate(200, 8, () => axiosGet(agent, url))
    await rate(200, 8, () => rawGet(agent, url))
    for (const concurrency of [1, 8]) {
      const raw = await rate(REQUESTS, concurrency, () => rawGet(agent, url))
      const viaAxios = await rate(REQUESTS, concurrency, () => axiosGet(agent, url))
      const courier = await rate(REQUESTS, concurrency, viaEngine)
      console.log(
        JSON.stringify({
          bench: 'engine',
          requests: REQUESTS,
          concurrency,
          rawNodeHttpPerSec: Math.round(raw.perSec),
          axiosPerSec: Math.round(viaAxios.perSec),
          enginePerSec: Math.round(courier.perSec),
          ratio: round2(courier.perSec / raw.perSec),
          axiosRatio: round2(viaAxios.perSec / raw.perSec),
          engineOverAxios: round2(courier.perSec / viaAxios.perSec),
          cpuMsPerRequest: {
            raw: round2(raw.cpuMsPerRequest),
            axios: round2(viaAxios.cpuMsPerRequest),
            engine: round2(courier.cpuMsPerRequest),
          },
          target: 'ratio >= 0.5',
        }),
      )
    }
  } finally {
    engine.close()
    agent.destroy()
    server.close()
  }
}

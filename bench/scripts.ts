import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpEngine } from '../electron/core/http/engine'
import { SandboxInstance } from '../electron/core/scripts/sandboxInstance'
import { createScriptRunner } from '../electron/core/scripts/scriptRunner'
import type { ScriptRunnerInput } from '../electron/core/scripts/scriptTypes'
import { emptyRequest } from '../shared/model/request'
import { collectGarbage } from './large/timing'

const SENDS = 2_000
const MEMORY_RUNS = [1_000, 5_000, 10_000]
/** Target from issue 15: one small test script adds at most this to a send. */
const TARGET_ADDED_MS = 1
/**
 * RSS may move this much between 5,000 and 10,000 runs and still count as flat: the
 * worker's heap (not collectable from here) settles in the first thousands of runs.
 */
const FLAT_RSS_BYTES = 32 * 1024 * 1024
const BODY = JSON.stringify({ id: 1, name: 'Jane Roe', email: 'jane@example.com' })
const STATUS_TEST = "pm.test('ok', () => pm.response.to.have.status(200))"
/** The same check through chai, as most collections write it. */
const EXPECT_TEST = "pm.test('ok', () => pm.expect(pm.response.code).to.equal(200))"
/** For the memory runs: chai, JSON, a variable and the console too. */
const BUSIER_TEST = `pm.test('ok', () => {
  pm.response.to.have.status(200)
  pm.expect(pm.response.json().id).to.equal(1)
})
pm.environment.set('seen', Math.random())
console.log(pm.response.json().name)`

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!
const median = (xs: number[]) => percentile(xs, 0.5)
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const ms = (x: number) => Math.round(x * 1000) / 1000
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

async function timed(task: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await task()
  return performance.now() - started
}

/**
 * `npm run bench -- scripts`: what one small test script adds to a send (the same loopback
 * send with and without it, alternating, in the same run), what making a sandbox context
 * costs, and the process's memory over 10,000 script runs.
 */
export async function benchScripts(): Promise<void> {
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
  const runner = createScriptRunner()
  const spec = { ...emptyRequest(), url }
  const input = (source: string, response: ScriptRunnerInput['response']): ScriptRunnerInput => ({
    event: 'test',
    scripts: [{ name: 'request Get user', source }],
    request: { name: 'Get user', url, method: 'GET', headers: [], body: null },
    response,
    variables: { local: {}, iterationData: {}, environment: {}, collection: {}, globals: {} },
    info: { requestName: 'Get user', iteration: 0, eventName: 'test' },
  })
  const send = async () => {
    const r = await engine.send({ spec })
    if (!r.ok || r.response.status !== 200) throw new Error('the loopback send failed')
    // The engine keeps every body for the session's viewer; not what is measured here.
    if (r.response.bodyId) await engine.bodies.release(r.response.bodyId)
    return r.response
  }
  const sendAndTest = async (source: string) => {
    const r = await send()
    const result = await runner.run(
      input(source, {
        code: r.status,
        status: r.statusText,
        headers: r.headers,
        body: r.body,
        responseTime: r.timings.total,
        size: r.sizes.body,
      }),
    )
    if (result.error || !result.tests.every((t) => t.passed)) {
      throw new Error(`the script failed: ${JSON.stringify(result.error ?? result.tests)}`)
    }
  }
  try {
    // Warm both paths: the worker, its sandbox instance, the JIT, the sockets.
    for (let i = 0; i < 300; i++) {
      await send()
      await sendAndTest(STATUS_TEST)
    }
    for (const [source, label] of [
      [STATUS_TEST, 'send with one status test vs the same send without'],
      [EXPECT_TEST, 'send with one pm.expect test vs the same send without'],
    ] as const) {
      const plain: number[] = []
      const scripted: number[] = []
      for (let i = 0; i < SENDS; i++) {
        plain.push(await timed(async () => void (await send())))
        scripted.push(await timed(() => sendAndTest(source)))
      }
      const added = median(scripted) - median(plain)
      console.log(
        JSON.stringify({
          bench: 'scripts',
          case: label,
          sends: SENDS,
          script: source,
          withoutScriptMedianMs: ms(median(plain)),
          withoutScriptMeanMs: ms(mean(plain)),
          withScriptMedianMs: ms(median(scripted)),
          withScriptMeanMs: ms(mean(scripted)),
          withoutScriptP90Ms: ms(percentile(plain, 0.9)),
          withScriptP90Ms: ms(percentile(scripted, 0.9)),
          addedMedianMs: ms(added),
          addedMeanMs: ms(mean(scripted) - mean(plain)),
          ratio: Math.round((median(scripted) / median(plain)) * 100) / 100,
          targetAddedMs: TARGET_ADDED_MS,
          pass: added <= TARGET_ADDED_MS,
        }),
      )
    }

    const memory: Record<string, { rssMB: number; heapUsedMB: number }> = {}
    const sample = (label: string) => {
      collectGarbage()
      const m = process.memoryUsage()
      memory[label] = { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed) }
      return m.rss
    }
    sample('0')
    let done = 0
    const rss: number[] = []
    for (const target of MEMORY_RUNS) {
      for (; done < target; done++) await sendAndTest(BUSIER_TEST)
      rss.push(sample(String(target)))
    }
    const growth = rss.at(-1)! - rss.at(-2)!
    console.log(
      JSON.stringify({
        bench: 'scripts',
        case: 'process memory over script runs, after the runs above (rss includes the worker and its sandbox; heap is this thread, after a full GC)',
        script: 'status test, chai expect, JSON, a variable set and a console line',
        memory,
        rssGrowthFrom1kTo10kMB: mb(rss.at(-1)! - rss[0]!),
        rssGrowthFrom5kTo10kMB: mb(growth),
        flatWithinMB: mb(FLAT_RSS_BYTES),
        pass: growth <= FLAT_RSS_BYTES,
      }),
    )
  } finally {
    await runner.close()
    engine.close()
    server.close()
  }
  // Last: the instances it makes in this thread would weigh on the memory figures.
  await benchContexts()
}

/** Making a sandbox context: a bare one, a prepared instance, and the per-script reset used instead. */
async function benchContexts(): Promise<void> {
  const created: number[] = []
  let instance: SandboxInstance | null = null
  for (let i = 0; i < 12; i++) {
    const started = performance.now()
    instance = await SandboxInstance.create(64 * 1024 * 1024, 512 * 1024)
    created.push(performance.now() - started)
  }
  const bare: number[] = []
  const resets: number[] = []
  for (let i = 0; i < 500; i++) {
    let started = performance.now()
    const rt = instance!.ctx.runtime
    const fresh = rt.newContext()
    fresh.dispose()
    bare.push(performance.now() - started)
    started = performance.now()
    instance!.reset(512 * 1024)
    resets.push(performance.now() - started)
  }
  console.log(
    JSON.stringify({
      bench: 'scripts',
      case: 'context creation',
      bareQuickJsContextMedianMs: ms(median(bare)),
      preparedInstanceMedianMs: ms(median(created.slice(2))),
      note: 'a prepared instance (runtime, context, API and chai compiled, memory copied) is made once per worker and again only after a script spoils or grows it; each script then starts from a reset',
      resetPerScriptMedianMs: ms(median(resets)),
      resetPerScriptMeanMs: ms(mean(resets)),
      resetBytes: instance!.resetBytes,
    }),
  )
}

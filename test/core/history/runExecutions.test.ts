import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { HttpEngine } from '../../../electron/core/http/engine'
import { runCollection } from '../../../electron/core/runner/runCollection'
import type { RunPlan, RunPlanItem } from '../../../electron/core/runner/runPlan'
import { RequestSpecSchema } from '../../../shared/model/request'
import type { RunEvent, RunExecution } from '../../../shared/model/run'
import { entry, ok, openStore } from './helpers'

let server: Server
let base = ''
const engine = new HttpEngine()
const stores: HistoryStore[] = []

beforeAll(async () => {
  // A real server on loopback: users exist, anything else is a 404.
  server = createServer((req, res) => {
    const user = /^\/users\/(\d+)$/.exec(req.url ?? '')
    res.writeHead(user ? 200 : 404, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(user ? { id: Number(user[1]), name: 'Jane Roe' } : { error: 'no' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  stores.forEach((s) => s.close())
  engine.close()
  await new Promise((resolve) => server.close(resolve))
})

function item(name: string, path: string): RunPlanItem {
  const spec = RequestSpecSchema.parse({
    method: 'GET',
    url: `${base}${path}`,
    assertions: [{ target: 'status', operator: 'equals', expected: '200' }],
  })
  return {
    id: name,
    name,
    path: name,
    spec,
    scriptLevels: [],
    collection: {},
    request: {},
    folders: [],
  }
}

const plan = (): RunPlan => ({
  name: 'Users',
  items: [item('Get user', '/users/{{id}}'), item('Missing', '/missing')],
  globals: {},
  environment: {},
  environmentName: null,
  secretNames: [],
  workingDir: null,
  workspace: null,
})

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const value of iterable) out.push(value)
  return out
}

describe('a run rebuilt from history', () => {
  it('gives back the executions the runner streamed, in order, from a real run', async () => {
    const { store } = openStore()
    stores.push(store)
    const events: RunEvent[] = []
    const summary = await runCollection(
      { engine, scripts: null, schemas: new SchemaCheck(), history: store },
      plan(),
      { data: [{ id: '1' }, { id: '2' }], source: 'app' },
      (e) => void events.push(e),
    )
    const streamed = events.flatMap((e) => (e.type === 'execution' ? [e.execution] : []))
    expect(streamed.every((e) => e.historyId !== null)).toBe(true)

    const run = store.getRun(summary.runId)
    expect(run).toMatchObject({ name: 'Users', sends: 4, failedRequests: 2, failures: 2 })
    expect(run.stats).toEqual(summary.stats)

    const rebuilt = await collect(store.runExecutions(summary.runId))
    const held = (e: RunExecution) => ({
      index: e.index,
      historyId: e.historyId,
      method: e.method,
      url: e.url,
      startedAt: e.startedAt,
      status: e.response?.status,
      body: e.response?.body,
      headers: e.response?.headers.find(([name]) => name.toLowerCase() === 'content-type'),
      tests: e.checks.tests.map((t) => [t.name, t.passed, t.error]),
      error: e.error,
    })
    expect(rebuilt.map(held)).toEqual(streamed.map(held))
    expect(rebuilt.map((e) => e.url)).toEqual([
      `${base}/users/1`,
      `${base}/missing`,
      `${base}/users/2`,
      `${base}/missing`,
    ])
  })

  it('keeps each send’s place in its run, and cuts bodies at the report limit', async () => {
    const { store } = openStore()
    stores.push(store)
    store.begin({ runId: 'r', name: 'Users', startedAt: 1000 })
    const item = { id: 'Users/Get user.request.json', name: 'Get user', path: 'Users/Get user' }
    const body = JSON.stringify({ pad: 'x'.repeat(5000) })
    for (let i = 0; i < 3; i++) {
      await store.keep(
        'r',
        entry({
          at: 1000 + i,
          result: ok({ body }),
          run: { index: i, iteration: i, item, scripts: { prerequest: 1, test: 2 } },
        }),
      )
    }
    const rebuilt = await collect(store.runExecutions('r', 100))
    expect(rebuilt.map((e) => [e.index, e.iteration, e.item, e.scripts])).toEqual(
      [0, 1, 2].map((i) => [i, i, item, { prerequest: 1, test: 2 }]),
    )
    expect(rebuilt[0]!.response).toMatchObject({ body: body.slice(0, 100), bodyTruncated: true })
    expect(rebuilt[0]!.response!.sizeBytes).toBe(body.length)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { HttpEngine } from '../../../electron/core/http/engine'
import { importPostmanCollection } from '../../../electron/core/interop/import/postmanCollection'
import { planFromImport } from '../../../electron/core/runner/planFromImport'
import { runCollection, type RunOptions } from '../../../electron/core/runner/runCollection'
import type { RunPlan } from '../../../electron/core/runner/runPlan'
import type { RunEvent, RunExecution } from '../../../shared/model/run'
import { startHttpbin } from '../../servers'
import { fileRunner } from '../scripts/harness'

let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const scripts = fileRunner()

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

interface Item {
  name: string
  url: string
  test?: string
  prerequest?: string
}

/** A Postman v2.1 collection of GET requests with their scripts, as a file would hold it. */
function collection(items: (Item | { folder: string; items: Item[]; test?: string })[]) {
  const event = (listen: string, source?: string) =>
    source ? [{ listen, script: { type: 'text/javascript', exec: source.split('\n') } }] : []
  const item = (i: Item) => ({
    name: i.name,
    request: { method: 'GET', url: i.url },
    event: [...event('prerequest', i.prerequest), ...event('test', i.test)],
  })
  return {
    info: {
      name: 'Run test',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items.map((i) =>
      'folder' in i
        ? { name: i.folder, item: i.items.map(item), event: event('test', i.test) }
        : item(i),
    ),
  }
}

async function run(plan: RunPlan, options: RunOptions = {}) {
  const events: RunEvent[] = []
  const summary = await runCollection(
    { engine, scripts, schemas: new SchemaCheck() },
    plan,
    options,
    (e) => void events.push(e),
  )
  const executions = events
    .filter((e): e is Extract<RunEvent, { type: 'execution' }> => e.type === 'execution')
    .map((e) => e.execution)
  return { summary, events, executions }
}

const planOf = (c: ReturnType<typeof collection>, options?: Parameters<typeof planFromImport>[1]) =>
  planFromImport(importPostmanCollection(c), options)

const names = (executions: RunExecution[]) => executions.map((e) => `${e.iteration}:${e.item.name}`)

describe('runCollection, against httpbin with the real sandbox', () => {
  it('runs each request per data row, carrying variables from one request to the next', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Set id',
          url: `${httpbin.url}/anything/{{user}}`,
          test: `pm.test('status 200', () => pm.response.to.have.status(200));
pm.environment.set('seen', pm.response.json().url.split('/').pop());`,
        },
        {
          name: 'Use id',
          url: `${httpbin.url}/anything/again/{{seen}}`,
          test: `pm.test('carried', () => pm.expect(pm.response.json().url).to.include('/again/' + pm.iterationData.get('user')));
pm.test('always fails', () => pm.expect(1).to.equal(2));`,
        },
      ]),
    )
    const { summary, events, executions } = await run(plan, {
      data: [{ user: 'ann' }, { user: 'bob' }],
    })
    expect(names(executions)).toEqual(['0:Set id', '0:Use id', '1:Set id', '1:Use id'])
    expect(executions[3]!.url).toBe(`${httpbin.url}/anything/again/bob`)
    expect(summary.stats).toEqual({
      iterations: { total: 2, failed: 0 },
      requests: { total: 4, failed: 0 },
      testScripts: { total: 4, failed: 0 },
      prerequestScripts: { total: 0, failed: 0 },
      assertions: { total: 6, failed: 2 },
    })
    expect(summary.failures.map((f) => [f.iteration, f.item.name, f.kind, f.name])).toEqual([
      [0, 'Use id', 'assertion', 'always fails'],
      [1, 'Use id', 'assertion', 'always fails'],
    ])
    expect(summary.end).toBe('completed')
    expect(events.map((e) => e.type).slice(0, 4)).toEqual([
      'start',
      'iteration',
      'request',
      'execution',
    ])
    expect(events.at(-1)).toEqual({ type: 'done', summary })
  })

  it('runs -n iterations past the data, reusing the last row', async () => {
    const plan = planOf(collection([{ name: 'Echo', url: `${httpbin.url}/anything/{{user}}` }]))
    const { executions } = await run(plan, { data: [{ user: 'ann' }], iterations: 3 })
    expect(executions.map((e) => e.url)).toEqual(Array(3).fill(`${httpbin.url}/anything/ann`))
  })

  it('follows setNextRequest jumps and ends the iteration on setNextRequest(null)', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Count',
          url: `${httpbin.url}/get`,
          test: `const n = Number(pm.environment.get('n') || 0) + 1;
pm.environment.set('n', String(n));
if (n < 3) pm.execution.setNextRequest('Count'); else pm.execution.setNextRequest('Last');`,
        },
        { name: 'Skipped', url: `${httpbin.url}/status/500` },
        { name: 'Last', url: `${httpbin.url}/get`, test: `postman.setNextRequest(null)` },
        { name: 'After null', url: `${httpbin.url}/get` },
      ]),
    )
    const { executions, summary } = await run(plan)
    expect(names(executions)).toEqual(['0:Count', '0:Count', '0:Count', '0:Last'])
    expect(summary.end).toBe('completed')
  })

  it('stops an endless setNextRequest loop at the step limit and says why', async () => {
    const plan = planOf(
      collection([
        { name: 'Loop', url: `${httpbin.url}/get`, test: `pm.execution.setNextRequest('Loop')` },
      ]),
    )
    const { executions, summary } = await run(plan, { maxStepsPerIteration: 5 })
    expect(executions).toHaveLength(5)
    expect(summary.end).toBe('loop-guard')
    expect(summary.endMessage).toMatch(/endless loop/)
  })

  it('stops at the first failure with bail', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Fails',
          url: `${httpbin.url}/status/404`,
          test: `pm.test('ok', () => pm.response.to.be.ok)`,
        },
        { name: 'Never', url: `${httpbin.url}/get` },
      ]),
    )
    const { executions, summary } = await run(plan, { bail: true, iterations: 2 })
    expect(names(executions)).toEqual(['0:Fails'])
    expect(summary.end).toBe('bailed')
    expect(summary.endMessage).toContain('Fails')
  })

  it('counts a transport failure as a failed request and goes on', async () => {
    const plan = planOf(
      collection([
        { name: 'Refused', url: 'http://127.0.0.1:9/nothing' },
        { name: 'Fine', url: `${httpbin.url}/get` },
      ]),
    )
    const { executions, summary } = await run(plan)
    expect(executions[0]!.error?.code).toBe('REFUSED')
    expect(executions[1]!.response?.status).toBe(200)
    expect(summary.stats.requests).toEqual({ total: 2, failed: 1 })
    expect(summary.failures).toEqual([
      expect.objectContaining({
        kind: 'request',
        name: 'REFUSED',
        item: expect.objectContaining({ name: 'Refused' }),
      }),
    ])
  })

  it('stops when aborted, cancelling the request in flight', async () => {
    const plan = planOf(
      collection([
        { name: 'Slow', url: `${httpbin.url}/delay/10` },
        { name: 'Never', url: `${httpbin.url}/get` },
      ]),
    )
    const controller = new AbortController()
    const events: RunEvent[] = []
    const summary = await runCollection(
      { engine, scripts, schemas: new SchemaCheck() },
      plan,
      { signal: controller.signal },
      (e) => {
        events.push(e)
        if (e.type === 'request') setImmediate(() => controller.abort())
      },
    )
    expect(summary.end).toBe('stopped')
    expect(summary.stats.requests.total).toBe(1)
    const execution = events.find((e) => e.type === 'execution')
    expect(execution?.type === 'execution' && execution.execution.error?.code).toBe('ABORTED')
  })

  it('keeps the cookies a response sets for later requests, unless told not to', async () => {
    const plan = planOf(
      collection([
        { name: 'Set', url: `${httpbin.url}/response-headers?Set-Cookie=flavour%3Doat` },
        {
          name: 'Read',
          url: `${httpbin.url}/cookies`,
          test: `pm.environment.set('cookies', JSON.stringify(pm.response.json().cookies))`,
        },
      ]),
    )
    const kept = await run(plan)
    expect(JSON.parse(kept.executions[1]!.response!.body).cookies).toEqual({ flavour: 'oat' })
    const dropped = await run(plan, { keepCookies: false })
    expect(JSON.parse(dropped.executions[1]!.response!.body).cookies).toEqual({})
  })

  it('keeps a cookie set by a redirect, and sends it where the redirect leads', async () => {
    const plan = planOf(
      collection([
        { name: 'Set and follow', url: `${httpbin.url}/cookies/set?flavour=rye` },
        { name: 'Read', url: `${httpbin.url}/cookies` },
      ]),
    )
    const { executions } = await run(plan)
    // httpbin answers /cookies/set with a 302 to /cookies, which shows what it received.
    expect(JSON.parse(executions[0]!.response!.body).cookies).toEqual({ flavour: 'rye' })
    expect(JSON.parse(executions[1]!.response!.body).cookies).toEqual({ flavour: 'rye' })
  })

  it('tells scripts the iteration and the number of iterations', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Info',
          url: `${httpbin.url}/get`,
          test: `pm.test(pm.info.iteration + ' of ' + pm.info.iterationCount, () => {})`,
        },
      ]),
    )
    const { executions } = await run(plan, { iterations: 3 })
    expect(executions.map((e) => e.checks.tests[0]!.name)).toEqual(['0 of 3', '1 of 3', '2 of 3'])
  })

  it('keeps no more of a body than the report limit', async () => {
    const plan = planOf(
      collection([{ name: 'Long', url: `${httpbin.url}/anything/${'x'.repeat(3000)}` }]),
    )
    const { executions } = await run(plan, { reportBodyBytes: 100 })
    const response = executions[0]!.response!
    expect(response.sizeBytes).toBeGreaterThan(3000)
    expect(response.body).toHaveLength(100)
    expect(response.bodyTruncated).toBe(true)
  })

  it('runs folder scripts before the request’s and counts each script', async () => {
    const plan = planOf(
      collection([
        {
          folder: 'Users',
          test: `pm.test('folder saw ' + pm.info.requestName, () => {})`,
          items: [
            { name: 'One', url: `${httpbin.url}/get`, test: `throw new Error('broken script')` },
          ],
        },
        { name: 'Outside', url: `${httpbin.url}/get` },
      ]),
      { only: ['Users'] },
    )
    const { executions, summary } = await run(plan)
    expect(names(executions)).toEqual(['0:One'])
    expect(executions[0]!.checks.tests.map((t) => t.name)).toEqual(['folder saw One'])
    expect(summary.stats.testScripts).toEqual({ total: 2, failed: 1 })
    expect(summary.failures.map((f) => f.kind)).toEqual(['script'])
    expect(summary.failures[0]!.message).toContain('broken script')
  })

  it('goes on after a failing script as newman does: the request is sent and later scripts run', async () => {
    const c = collection([
      {
        name: 'Pre fails',
        url: `${httpbin.url}/get`,
        prerequest: `throw new Error('own pre boom')`,
        test: `pm.test('sent anyway', () => pm.response.to.have.status(200))`,
      },
      {
        name: 'Refused',
        url: 'http://127.0.0.1:9/nothing',
        test: `pm.test('has a response', () => pm.expect(pm.response.code).to.equal(200))`,
      },
    ])
    const withCollectionScripts = {
      ...c,
      event: [
        { listen: 'prerequest', script: { exec: [`throw new Error('collection pre boom')`] } },
        { listen: 'test', script: { exec: [`pm.test('collection test', () => {})`] } },
      ],
    }
    const { executions, summary } = await run(planOf(withCollectionScripts))
    expect(executions[0]!.response?.status).toBe(200)
    expect(executions[0]!.checks.tests.map((t) => [t.name, t.passed])).toEqual([
      ['collection test', true],
      ['sent anyway', true],
    ])
    expect(executions[1]!.error?.code).toBe('REFUSED')
    expect(executions[1]!.checks.tests.map((t) => [t.name, t.passed])).toEqual([
      ['collection test', true],
      ['has a response', false],
    ])
    expect(summary.stats).toEqual({
      iterations: { total: 1, failed: 0 },
      requests: { total: 2, failed: 1 },
      testScripts: { total: 4, failed: 0 },
      prerequestScripts: { total: 3, failed: 3 },
      assertions: { total: 4, failed: 1 },
    })
    expect(summary.failures.map((f) => [f.item.name, f.kind])).toEqual([
      ['Pre fails', 'script'],
      ['Pre fails', 'script'],
      ['Refused', 'script'],
      ['Refused', 'request'],
      ['Refused', 'assertion'],
    ])
  })

  it('keeps no secret in what reports get: URL, echoed headers and body, test messages', async () => {
    const secret = 's3cr3t-t0ken-value'
    const plan = planOf(
      collection([
        {
          name: 'Echo',
          url: `${httpbin.url}/anything?key={{token}}`,
          test: `pm.test('echo ' + pm.response.json().args.key, () => pm.expect(pm.response.json().args.key).to.equal('other'))`,
        },
      ]),
    )
    const withSecret: RunPlan = {
      ...plan,
      environment: { token: secret },
      secretNames: ['token'],
      items: plan.items.map((i) => ({
        ...i,
        spec: { ...i.spec, headers: [{ key: 'X-Token', value: '{{token}}', enabled: true }] },
      })),
    }
    const { executions } = await run(withSecret)
    const kept = JSON.stringify(executions[0])
    expect(executions[0]!.response!.body).toContain('X-Token')
    expect(kept).not.toContain(secret)
    expect(executions[0]!.url).toContain('key=')
  })
})

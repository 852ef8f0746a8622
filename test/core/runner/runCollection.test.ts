import { describe, expect, it } from 'vitest'
import { runCollection } from '../../../electron/core/runner/runCollection'
import type { RunEvent } from '../../../shared/model/run'
import { collection, names, planOf, useRunServers } from './runHarness'

const servers = useRunServers()

describe('runCollection: the order and flow of a run, against httpbin with the real sandbox', () => {
  it('runs each request per data row, carrying variables from one request to the next', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Set id',
          url: `${servers.url()}/anything/{{user}}`,
          test: `pm.test('status 200', () => pm.response.to.have.status(200));
pm.environment.set('seen', pm.response.json().url.split('/').pop());`,
        },
        {
          name: 'Use id',
          url: `${servers.url()}/anything/again/{{seen}}`,
          test: `pm.test('carried', () => pm.expect(pm.response.json().url).to.include('/again/' + pm.iterationData.get('user')));
pm.test('always fails', () => pm.expect(1).to.equal(2));`,
        },
      ]),
    )
    const { summary, events, executions } = await servers.run(plan, {
      data: [{ user: 'ann' }, { user: 'bob' }],
    })
    expect(names(executions)).toEqual(['0:Set id', '0:Use id', '1:Set id', '1:Use id'])
    expect(executions[3]!.url).toBe(`${servers.url()}/anything/again/bob`)
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
    const plan = planOf(collection([{ name: 'Echo', url: `${servers.url()}/anything/{{user}}` }]))
    const { executions } = await servers.run(plan, { data: [{ user: 'ann' }], iterations: 3 })
    expect(executions.map((e) => e.url)).toEqual(Array(3).fill(`${servers.url()}/anything/ann`))
  })

  it('follows setNextRequest jumps and ends the iteration on setNextRequest(null)', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Count',
          url: `${servers.url()}/get`,
          test: `const n = Number(pm.environment.get('n') || 0) + 1;
pm.environment.set('n', String(n));
if (n < 3) pm.execution.setNextRequest('Count'); else pm.execution.setNextRequest('Last');`,
        },
        { name: 'Skipped', url: `${servers.url()}/status/500` },
        { name: 'Last', url: `${servers.url()}/get`, test: `postman.setNextRequest(null)` },
        { name: 'After null', url: `${servers.url()}/get` },
      ]),
    )
    const { executions, summary } = await servers.run(plan)
    expect(names(executions)).toEqual(['0:Count', '0:Count', '0:Count', '0:Last'])
    expect(summary.end).toBe('completed')
  })

  it('stops an endless setNextRequest loop at the step limit and says why', async () => {
    const plan = planOf(
      collection([
        { name: 'Loop', url: `${servers.url()}/get`, test: `pm.execution.setNextRequest('Loop')` },
      ]),
    )
    const { executions, summary } = await servers.run(plan, { maxStepsPerIteration: 5 })
    expect(executions).toHaveLength(5)
    expect(summary.end).toBe('loop-guard')
    expect(summary.endMessage).toMatch(/endless loop/)
  })

  it('stops at the first failure with bail', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Fails',
          url: `${servers.url()}/status/404`,
          test: `pm.test('ok', () => pm.response.to.be.ok)`,
        },
        { name: 'Never', url: `${servers.url()}/get` },
      ]),
    )
    const { executions, summary } = await servers.run(plan, { bail: true, iterations: 2 })
    expect(names(executions)).toEqual(['0:Fails'])
    expect(summary.end).toBe('bailed')
    expect(summary.endMessage).toContain('Fails')
  })

  it('counts a transport failure as a failed request and goes on', async () => {
    const plan = planOf(
      collection([
        { name: 'Refused', url: 'http://127.0.0.1:9/nothing' },
        { name: 'Fine', url: `${servers.url()}/get` },
      ]),
    )
    const { executions, summary } = await servers.run(plan)
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
        { name: 'Slow', url: `${servers.url()}/delay/10` },
        { name: 'Never', url: `${servers.url()}/get` },
      ]),
    )
    const controller = new AbortController()
    const events: RunEvent[] = []
    const summary = await runCollection(
      servers.deps(),
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

  it('tells scripts the iteration and the number of iterations', async () => {
    const plan = planOf(
      collection([
        {
          name: 'Info',
          url: `${servers.url()}/get`,
          test: `pm.test(pm.info.iteration + ' of ' + pm.info.iterationCount, () => {})`,
        },
      ]),
    )
    const { executions } = await servers.run(plan, { iterations: 3 })
    expect(executions.map((e) => e.checks.tests[0]!.name)).toEqual(['0 of 3', '1 of 3', '2 of 3'])
  })

  it('gives each request a pm.info.requestId of its own, the same in both its scripts and every iteration', async () => {
    const idTest = `pm.test(pm.info.requestId + (pm.info.requestId === pm.collectionVariables.get('before') ? ' same' : ' other'), () => {})`
    const plan = planOf(
      collection([
        {
          name: 'First',
          url: `${servers.url()}/get`,
          prerequest: `pm.collectionVariables.set('before', pm.info.requestId)`,
          test: idTest,
        },
        {
          name: 'Second',
          url: `${servers.url()}/get`,
          prerequest: `pm.collectionVariables.set('before', pm.info.requestId)`,
          test: idTest,
        },
      ]),
    )
    const { executions } = await servers.run(plan, { iterations: 2 })
    const [first, second, firstAgain, secondAgain] = executions.map((e) => e.checks.tests[0]!.name)
    expect(first).toMatch(/^[0-9a-f-]{36} same$/)
    expect(second).toMatch(/^[0-9a-f-]{36} same$/)
    expect(second).not.toBe(first)
    expect([firstAgain, secondAgain]).toEqual([first, second])
  })

  it('runs folder scripts before the request’s and counts each script', async () => {
    const plan = planOf(
      collection([
        {
          folder: 'Users',
          test: `pm.test('folder saw ' + pm.info.requestName, () => {})`,
          items: [
            { name: 'One', url: `${servers.url()}/get`, test: `throw new Error('broken script')` },
          ],
        },
        { name: 'Outside', url: `${servers.url()}/get` },
      ]),
      { only: ['Users'] },
    )
    const { executions, summary } = await servers.run(plan)
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
        url: `${servers.url()}/get`,
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
    const { executions, summary } = await servers.run(planOf(withCollectionScripts))
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
})

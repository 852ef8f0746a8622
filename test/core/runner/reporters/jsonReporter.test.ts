import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReportError } from '../../../../electron/core/runner/reporters/reportError'
import {
  createReporters,
  type ReporterOptions,
} from '../../../../electron/core/runner/reporters/runReporter'
import type { RunEvent } from '../../../../shared/model/run'
import { buildRun, fail, feed, makeExecution, pass, refused, STARTED_AT } from './runEvents'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-json-report-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const run = () =>
  buildRun({
    iterations: 2,
    items: [
      { name: 'List products', tests: [pass('status is 200')] },
      {
        name: 'Create order',
        folder: 'Orders',
        method: 'POST',
        status: 201,
        statusText: 'Created',
        body: '{"id":42,"note":"0123456789"}',
        tests: (i) => [i === 0 ? fail('id is 41', 'expected 42 to equal 41') : pass('id is 41')],
      },
      { name: 'Health', error: refused },
      {
        name: 'Scripted',
        scriptFailure: {
          script: 'request Scripted',
          event: 'preRequest',
          message: 'ReferenceError: x is not defined',
        },
        error: { code: 'SCRIPT', message: 'not sent', hint: 'fix the script' },
        scripts: { prerequest: 1, test: 0 },
      },
    ],
  })

async function writeJson(events: RunEvent[], options: ReporterOptions = {}) {
  const [reporter] = createReporters(['json'], {
    cwd: dir,
    json: { export: 'out/report.json' },
    ...options,
  })
  await feed([reporter!], events)
  return { reporter: reporter!, report: JSON.parse(await readFile(reporter!.file!, 'utf8')) }
}

describe('json reporter', () => {
  it("writes newman's shape: collection name, run.stats exactly, timings, error null", async () => {
    const { events, summary } = run()
    const { reporter, report } = await writeJson(events)
    expect(reporter.file).toBe(join(dir, 'out/report.json'))
    expect(report.collection).toEqual({ info: { name: 'Shop API' } })
    expect(report.run.stats).toEqual({
      iterations: { total: 2, failed: 0 },
      requests: { total: 8, failed: 4 },
      testScripts: { total: 4, failed: 0 },
      prerequestScripts: { total: 2, failed: 2 },
      assertions: { total: 4, failed: 1 },
    })
    expect(report.run.stats).toEqual(summary.stats)
    expect(report.run.timings).toEqual({
      started: STARTED_AT,
      completed: STARTED_AT + 2500,
      responseAverage: 23,
    })
    expect(report.run.error).toBeNull()
  })

  it('keeps every execution with its item, request, response, assertions and cursor', async () => {
    const { report } = await writeJson(run().events)
    const executions = report.run.executions
    expect(executions).toHaveLength(8)
    const order = executions[1]
    expect(order.item).toMatchObject({ id: 'id-Orders/Create order', name: 'Create order' })
    expect(order.request).toEqual({ method: 'POST', url: 'http://127.0.0.1:8080/Create%20order' })
    expect(order.response).toMatchObject({
      code: 201,
      status: 'Created',
      responseTime: 23,
      responseSize: 1234,
      header: [{ key: 'content-type', value: 'application/json' }],
      body: '{"id":42,"note":"0123456789"}',
      bodyTruncated: false,
    })
    expect(order.assertions).toEqual([
      {
        assertion: 'id is 41',
        skipped: false,
        error: { name: 'AssertionError', message: 'expected 42 to equal 41' },
      },
    ])
    expect(order.cursor).toMatchObject({ iteration: 0, position: 1, length: 4, cycles: 2 })
    expect(executions[5].cursor).toMatchObject({ iteration: 1, position: 1, index: 5 })
    expect(executions[5].assertions).toEqual([{ assertion: 'id is 41', skipped: false }])
    expect(executions[2].response).toBeNull()
    expect(executions[2].requestError).toMatchObject({ code: 'REFUSED' })
  })

  it('lists the failures in order, with where they happened', async () => {
    const { events, summary } = run()
    const { report } = await writeJson(events)
    const failures = report.run.failures
    expect(failures).toHaveLength(summary.failures.length)
    expect(failures.map((f: { error: { name: string } }) => f.error.name)).toEqual([
      'AssertionError',
      'RequestError',
      'ScriptError',
      'RequestError',
      'ScriptError',
    ])
    expect(failures[0]).toMatchObject({
      error: { name: 'AssertionError', test: 'id is 41', message: 'expected 42 to equal 41' },
      at: 'assertion',
      source: { id: 'id-Orders/Create order', name: 'Create order' },
      cursor: { iteration: 0, position: 1 },
    })
    expect(failures[2]).toMatchObject({
      at: 'prerequest-script',
      cursor: { iteration: 0, position: 3 },
    })
  })

  it('cuts bodies at the report limit and says so', async () => {
    const { report } = await writeJson(run().events, { bodyLimit: 10 })
    expect(report.run.executions[1].response.body).toBe('{"id":42,"')
    expect(report.run.executions[1].response.bodyTruncated).toBe(true)
  })

  it('streams a 5,000-request run into one valid JSON file, leaving no spool behind', async () => {
    const item = { name: 'Ping', tests: [pass('status is 200')] }
    function* events(): Generator<RunEvent> {
      yield {
        type: 'start',
        runId: 'r',
        name: 'Big',
        iterations: 1,
        itemsPerIteration: 5000,
        startedAt: STARTED_AT,
      }
      yield { type: 'iteration', iteration: 0 }
      for (let i = 0; i < 5000; i++)
        yield { type: 'execution', execution: makeExecution(item, i, 0) }
      const stats = { total: 0, failed: 0 }
      yield {
        type: 'done',
        summary: {
          runId: 'r',
          name: 'Big',
          startedAt: STARTED_AT,
          finishedAt: STARTED_AT + 1,
          stats: {
            iterations: { total: 1, failed: 0 },
            requests: { total: 5000, failed: 0 },
            testScripts: { total: 5000, failed: 0 },
            prerequestScripts: stats,
            assertions: { total: 5000, failed: 0 },
          },
          failures: [],
          end: 'completed',
          endMessage: null,
          averageResponseMs: 23,
          totalBytes: 5000 * 1234,
        },
      }
    }
    const [reporter] = createReporters(['json'], { cwd: dir, json: { export: 'big.json' } })
    await feed([reporter!], events())
    const report = JSON.parse(await readFile(join(dir, 'big.json'), 'utf8'))
    expect(report.run.executions).toHaveLength(5000)
    expect(report.run.executions[4999].cursor.index).toBe(4999)
    expect(report.run.stats.requests.total).toBe(5000)
    expect(await readdir(dir)).toEqual(['big.json'])
  })

  it('goes to courier-reports/<name>-<timestamp>.json by default, or into a folder given', async () => {
    const { events } = run()
    const [byDefault] = createReporters(['json'], { cwd: dir })
    await feed([byDefault!], events)
    expect(byDefault!.file).toBe(
      join(dir, 'courier-reports', 'Shop-API-2024-05-01-09-30-00-000.json'),
    )
    expect(JSON.parse(await readFile(byDefault!.file!, 'utf8')).run.executions).toHaveLength(8)

    const [intoFolder] = createReporters(['json'], {
      cwd: dir,
      json: { export: 'courier-reports' },
    })
    await feed([intoFolder!], events)
    expect(intoFolder!.file).toBe(byDefault!.file)
  })

  it('refuses a path it cannot write before the run sends anything', async () => {
    await writeFile(join(dir, 'a-file'), 'x')
    const [reporter] = createReporters(['json'], {
      cwd: dir,
      json: { export: 'a-file/report.json' },
    })
    const start = run().events[0]!
    const error = await Promise.resolve(reporter!.onEvent(start)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ReportError)
    expect((error as Error).message).toBe(
      `Cannot write the JSON report to "${join(dir, 'a-file/report.json')}": a part of the path is a file, not a folder. Choose a file in a folder you can write to (courier run: --reporter-json-export PATH).`,
    )
  })

  it('writes nothing when the run never finished, and leaves no spool', async () => {
    const events = run().events.filter((e) => e.type !== 'done')
    const [reporter] = createReporters(['json'], { cwd: dir, json: { export: 'r.json' } })
    await feed([reporter!], events)
    expect(await readdir(dir)).toEqual([])
  })
})

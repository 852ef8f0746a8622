import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { HttpEngine } from '../../../electron/core/http/engine'
import { createAppRuns, type AppRuns } from '../../../electron/core/runner/appRuns'
import { defaultSettings } from '../../../shared/model/settings'
import type { RunEventPayload, RunStreamEvent } from '../../../shared/ipc/runCalls'
import type { RunSummary } from '../../../shared/model/run'
import { startHttpbin } from '../../servers'
import { fileRunner } from '../scripts/harness'
import { harness, request, tempDir } from '../workspace/helpers'

let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const scripts = fileRunner()
const ws = harness()
const payloads: RunEventPayload[] = []
const saved: string[] = []
let runs: AppRuns
let folder = ''
let waitPath = ''

const TESTS = `pm.test('status is 200', () => pm.response.to.have.status(200));
pm.test('user is Ada', () => pm.expect(pm.response.json().args.user).to.eql('Ada'));`

beforeAll(async () => {
  httpbin = await startHttpbin()
  const dir = tempDir()
  await ws.service.create(dir, 'Run app')
  folder = await ws.service.createFolder('', 'Users')
  const save = (name: string, url: string, postResponse = '') =>
    ws.service.saveRequest(
      null,
      folder,
      request({ name, url, scripts: { preRequest: '', postResponse } }),
    )
  await save('1 Get user', `${httpbin.url}/get?user={{user}}`, TESTS)
  await save('2 Slow', `${httpbin.url}/delay/{{wait}}`)
  waitPath = await ws.service.saveRequest(
    null,
    '',
    request({ name: 'Wait', url: `${httpbin.url}/delay/2` }),
  )
  writeFileSync(join(dir, 'users.csv'), 'user,wait\nAda,0\nBob,0\n')
  runs = createAppRuns({
    engine,
    scripts,
    schemas: new SchemaCheck(),
    workspace: ws.service,
    settings: () => defaultSettings(),
    history: null,
    spoolDir: join(ws.dataDir, 'spools'),
    emit: (p) => payloads.push(p),
    saveReport: async (fileName, write) => {
      const path = join(tempDir('courier-report-'), fileName)
      await write(path)
      saved.push(path)
      return { outcome: 'saved', path }
    },
  })
})
afterAll(async () => {
  await runs.close()
  engine.close()
  await httpbin.close()
  await ws.service.close()
})

const eventsOf = (runId: string): RunStreamEvent[] =>
  payloads.filter((p) => p.runId === runId).flatMap((p) => p.events)

async function ended(runId: string): Promise<RunSummary> {
  await expect
    .poll(() => eventsOf(runId).some((e) => e.type === 'done' || e.type === 'failed'), {
      timeout: 20_000,
    })
    .toBe(true)
  const done = eventsOf(runId).find((e) => e.type === 'done')
  if (done?.type !== 'done')
    throw new Error(`run ${runId} broke: ${JSON.stringify(eventsOf(runId))}`)
  return done.summary
}

describe('the app runs (run: calls) against httpbin', () => {
  it('runs a folder over a data file, streams executions without bodies, and reads one back whole', async () => {
    expect(await runs.readData('users.csv')).toMatchObject({ columns: ['user', 'wait'], rows: 2 })
    const started = await runs.start({
      runId: 'r1',
      scope: { kind: 'folder', path: folder },
      dataFile: 'users.csv',
      delayMs: 0,
      bail: false,
      keepCookies: true,
      saveCookies: false,
      environment: null,
      allowFiles: [],
    })
    expect(started).toEqual({ runId: 'r1', name: 'Users' })
    const summary = await ended('r1')
    expect(summary.end).toBe('completed')
    expect(summary.stats.requests).toEqual({ total: 4, failed: 0 })
    // Bob is not Ada: one assertion fails in the second iteration.
    expect(summary.stats.assertions).toEqual({ total: 4, failed: 1 })
    const listed = eventsOf('r1').flatMap((e) => (e.type === 'execution' ? [e.execution] : []))
    expect(listed.map((e) => `${e.iteration}:${e.item.name}:${e.response?.status}`)).toEqual([
      '0:1 Get user:200',
      '0:2 Slow:200',
      '1:1 Get user:200',
      '1:2 Slow:200',
    ])
    expect(listed.every((e) => e.response?.body === '' && e.response.headers.length === 0)).toBe(
      true,
    )
    const whole = await runs.execution('r1', 2)
    expect(JSON.parse(whole.response!.body).args).toEqual({ user: 'Bob' })
    expect(whole.response!.headers.length).toBeGreaterThan(0)
    expect(whole.checks.tests.find((t) => !t.passed)?.name).toBe('user is Ada')
  })

  it('exports the ended run as JUnit, JSON and HTML, replayed from its spool', async () => {
    const junit = await runs.exportReport('r1', 'junit')
    expect(junit).toMatchObject({ outcome: 'saved' })
    const xml = readFileSync((junit as { path: string }).path, 'utf8')
    expect(xml).toContain('<testsuites')
    expect(xml).toContain('user is Ada')
    expect((junit as { path: string }).path).toMatch(/Users\.xml$/)
    const json = (await runs.exportReport('r1', 'json')) as { path: string }
    const report = JSON.parse(readFileSync(json.path, 'utf8')) as {
      run: { stats: { assertions: { total: number; failed: number } } }
    }
    expect(report.run.stats.assertions).toEqual({ total: 4, failed: 1 })
    const html = (await runs.exportReport('r1', 'html')) as { path: string }
    expect(readFileSync(html.path, 'utf8')).toMatch(/<html[\s\S]*user is Ada/)
  })

  it('stops a long run: the request in flight is cancelled and the run ends stopped', async () => {
    await runs.start({
      runId: 'r2',
      scope: { kind: 'requests', paths: [waitPath], name: 'Slow only' },
      iterations: 50,
      dataFile: null,
      delayMs: 0,
      bail: false,
      keepCookies: true,
      saveCookies: false,
      environment: null,
      allowFiles: [],
    })
    // Stopped as soon as the first request (2 s each) is on its way.
    await expect.poll(() => eventsOf('r2').some((e) => e.type === 'request')).toBe(true)
    await expect(runs.exportReport('r2', 'json')).rejects.toThrow(/still going/)
    expect(runs.stop('r2')).toBe(true)
    const summary = await ended('r2')
    expect(summary.end).toBe('stopped')
    expect(summary.name).toBe('Slow only')
    expect(summary.stats.requests.total).toBeLessThan(50)
    expect(runs.stop('r2')).toBe(false)
  })

  it('refuses what cannot run, saying what to change', async () => {
    const base = {
      delayMs: 0,
      bail: false,
      keepCookies: true,
      saveCookies: false,
      environment: null,
      allowFiles: [],
    }
    await expect(
      runs.start({ ...base, runId: 'r3', scope: { kind: 'workspace' }, dataFile: 'missing.csv' }),
    ).rejects.toThrow(/missing\.csv.*cannot be read: there is no such file/)
    await expect(
      runs.start({ ...base, runId: 'r4', scope: { kind: 'folder', path: 'Nope' }, dataFile: null }),
    ).rejects.toThrow(/No folder "Nope"/)
    await expect(
      runs.start({
        ...base,
        runId: 'r5',
        scope: { kind: 'workspace' },
        dataFile: null,
        environment: 'prod',
      }),
    ).rejects.toThrow(/No environment "prod"/)
    await expect(runs.execution('gone', 0)).rejects.toThrow(/no longer kept/)
    await expect(runs.execution('r1', 99)).rejects.toThrow(/no request number 100/)
  })

  it('applies values given from outside (COURIER_VAR_*, --secrets) over the saved ones, masked', async () => {
    const withSecrets = createAppRuns({
      engine,
      scripts,
      schemas: new SchemaCheck(),
      workspace: ws.service,
      settings: () => defaultSettings(),
      history: null,
      spoolDir: join(ws.dataDir, 'spools-secrets'),
      emit: (p) => payloads.push(p),
      saveReport: async () => ({ outcome: 'cancelled' }),
      overrides: { user: 'Zed-s3cret' },
    })
    try {
      await withSecrets.start({
        runId: 's1',
        scope: { kind: 'requests', paths: [`${folder}/1 Get user.request.json`] },
        dataFile: null,
        delayMs: 0,
        bail: false,
        keepCookies: true,
        saveCookies: false,
        environment: null,
        allowFiles: [],
      })
      expect((await ended('s1')).stats.requests).toEqual({ total: 1, failed: 0 })
      const whole = await withSecrets.execution('s1', 0)
      expect(whole.response?.status).toBe(200)
      // The value reached the server (the test comparing it with Ada ran and failed) ...
      expect(whole.checks.tests.map((t) => [t.name, t.passed])).toEqual([
        ['status is 200', true],
        ['user is Ada', false],
      ])
      // ... and, being a secret, is nowhere in what the run keeps.
      expect(JSON.stringify(whole)).not.toContain('Zed-s3cret')
    } finally {
      await withSecrets.close()
    }
  })
})

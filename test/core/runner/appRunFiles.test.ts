import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { FileConsentStore } from '../../../electron/core/files/fileConsentStore'
import { HttpEngine } from '../../../electron/core/http/engine'
import { createAppRuns, type AppRuns } from '../../../electron/core/runner/appRuns'
import type { RunEventPayload, RunStartArgs } from '../../../shared/ipc/runCalls'
import type { RunExecution } from '../../../shared/model/run'
import { defaultSettings } from '../../../shared/model/settings'
import { startHttpbin } from '../../servers'
import { harness, request, tempDir } from '../workspace/helpers'

/**
 * A run of requests that upload local files nobody confirmed (an import, a workspace file
 * Courier did not write): the Runner learns them before starting (`filesToConfirm`), and a
 * run reads them only once confirmed, for the run (`allowFiles`) or for the workspace.
 */
let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const ws = harness()
const payloads: RunEventPayload[] = []
let runs: AppRuns
let consents: FileConsentStore
let dir = ''
let report = ''

beforeAll(async () => {
  httpbin = await startHttpbin()
  dir = join(tempDir(), 'uploads')
  await ws.service.create(dir, 'Uploads')
  report = join(tempDir('courier-upload-'), 'report.txt')
  writeFileSync(report, 'quarterly numbers')
  writeFileSync(join(dir, 'notes.txt'), 'kept beside the requests')
  const multipart = (name: string, path: string) =>
    ws.service.saveRequest(
      null,
      '',
      request({
        name,
        method: 'POST',
        url: `${httpbin.url}/post`,
        body: { type: 'multipart', parts: [{ kind: 'file', key: 'file', path, enabled: true }] },
      }),
    )
  await multipart('1 Report', report)
  await multipart('2 Notes', 'notes.txt')
  await multipart('3 Report again', report)
  consents = new FileConsentStore(ws.dataDir)
  runs = createAppRuns({
    engine,
    scripts: null,
    schemas: new SchemaCheck(),
    workspace: ws.service,
    settings: () => defaultSettings(),
    history: null,
    spoolDir: join(ws.dataDir, 'spools'),
    emit: (p) => payloads.push(p),
    saveReport: async () => ({ outcome: 'cancelled' }),
    fileConsents: consents,
  })
})
afterAll(async () => {
  await runs.close()
  engine.close()
  await httpbin.close()
  await ws.service.close()
})

const whole: Pick<RunStartArgs, 'scope' | 'environment'> = {
  scope: { kind: 'workspace' },
  environment: null,
}

async function run(runId: string, allowFiles: string[]): Promise<RunExecution[]> {
  await runs.start({
    ...whole,
    runId,
    dataFile: null,
    delayMs: 0,
    bail: false,
    keepCookies: true,
    saveCookies: false,
    allowFiles,
  })
  await expect
    .poll(
      () => payloads.some((p) => p.runId === runId && p.events.some((e) => e.type === 'done')),
      { timeout: 20_000 },
    )
    .toBe(true)
  const listed = payloads
    .filter((p) => p.runId === runId)
    .flatMap((p) => p.events.flatMap((e) => (e.type === 'execution' ? [e.execution] : [])))
  return Promise.all(listed.map((e) => runs.execution(runId, e.index)))
}

describe('a run that uploads files nobody confirmed', () => {
  it('lists each such file once, by its absolute path, relative ones from the workspace', async () => {
    expect(await runs.filesToConfirm(whole)).toEqual([report, join(dir, 'notes.txt')])
  })

  it('reads none of them unconfirmed, saying which; reads those confirmed for the run', async () => {
    const refused = await run('unconfirmed', [])
    expect(refused.map((e) => e.error?.code)).toEqual([
      'FILE_NOT_CONFIRMED',
      'FILE_NOT_CONFIRMED',
      'FILE_NOT_CONFIRMED',
    ])
    expect(refused[0]!.error?.message).toContain(report)

    const once = await run('once', [report])
    expect(once.map((e) => e.response?.status ?? e.error?.code)).toEqual([
      200,
      'FILE_NOT_CONFIRMED',
      200,
    ])
    expect(JSON.parse(once[0]!.response!.body).files).toEqual({ file: 'quarterly numbers' })
    // For that run only: the workspace still asks.
    expect(await runs.filesToConfirm(whole)).toEqual([report, join(dir, 'notes.txt')])
  })

  it('asks no more about files confirmed for the workspace', async () => {
    await consents.allow(dir, report)
    await consents.allow(dir, join(dir, 'notes.txt'))
    expect(await runs.filesToConfirm(whole)).toEqual([])
    const sent = await run('always', [])
    expect(sent.map((e) => e.response?.status)).toEqual([200, 200, 200])
    expect(JSON.parse(sent[1]!.response!.body).files).toEqual({ file: 'kept beside the requests' })
  })
})

import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { WorkspaceCookies } from '../../../electron/core/cookies/workspaceCookies'
import { HttpEngine } from '../../../electron/core/http/engine'
import { createAppRuns, type AppRuns } from '../../../electron/core/runner/appRuns'
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore'
import type { RunEventPayload, RunStartArgs } from '../../../shared/ipc/runCalls'
import type { RunExecution } from '../../../shared/model/run'
import { defaultSettings } from '../../../shared/model/settings'
import { setCookiePath, startCookieServer } from '../../servers/cookieServer'
import type { RunningServer } from '../../servers/listen'
import { harness, request, tempDir } from '../workspace/helpers'

/**
 * The Runner and the workspace's cookie jar, as in Postman's Collection Runner: a run starts
 * with the cookies the workspace's sends collected, and leaves the jar as it was unless
 * asked to save its cookies after the run.
 */
let server: RunningServer
const engine = new HttpEngine()
const ws = harness()
const payloads: RunEventPayload[] = []
const cookies = new WorkspaceCookies(new MemorySecretStore(null))
let runs: AppRuns
let dir = ''

beforeAll(async () => {
  server = await startCookieServer()
  dir = join(tempDir(), 'cookie-run')
  await ws.service.create(dir, 'Cookie run')
  // The run sends what the jar holds, then gets a new cookie set.
  await ws.service.saveRequest(null, '', request({ name: '1 Echo', url: `${server.url}/echo` }))
  await ws.service.saveRequest(
    null,
    '',
    request({ name: '2 Set', url: `${server.url}${setCookiePath('/set', 'cart=c-7')}` }),
  )
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
    cookies,
  })
})
afterAll(async () => {
  await runs.close()
  engine.close()
  await server.close()
  await ws.service.close()
})

async function run(
  runId: string,
  options: Pick<RunStartArgs, 'keepCookies' | 'saveCookies'>,
): Promise<RunExecution[]> {
  await runs.start({
    runId,
    scope: { kind: 'workspace' },
    environment: null,
    dataFile: null,
    delayMs: 0,
    bail: false,
    allowFiles: [],
    ...options,
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

const sentCookie = (execution: RunExecution): string | null =>
  (JSON.parse(execution.response!.body) as { cookie: string | null }).cookie

const jarNames = () => cookies.list(dir).map((c) => `${c.name}=${c.value}`)

describe("a Runner run and the workspace's cookie jar", () => {
  it("starts with the workspace's cookies and leaves the jar as it was by default", async () => {
    // A cookie a single send left in the workspace's jar.
    cookies.hooksFor(dir).keep(['session=s-1'], `${server.url}/login`)
    const first = await run('kept-apart', { keepCookies: true, saveCookies: false })
    // Run records mask cookie values (maskExecution): the name says it was sent.
    expect(sentCookie(first[0]!)).toMatch(/^session=[^;]+$/)
    expect(jarNames()).toEqual(['session=s-1'])

    // The cookie the first run was set did not stay: a second run starts from the jar again.
    const second = await run('again', { keepCookies: true, saveCookies: false })
    expect(sentCookie(second[0]!)).toMatch(/^session=[^;]+$/)
  })

  it('puts its cookies in the workspace jar when asked to save them', async () => {
    await run('saved', { keepCookies: true, saveCookies: true })
    expect(jarNames()).toEqual(['cart=c-7', 'session=s-1'])
    // What a later send from the workspace carries.
    expect(cookies.hooksFor(dir).cookieFor(`${server.url}/echo`)).toContain('cart=c-7')
  })

  it('neither sends nor changes the jar when cookies are off for the run', async () => {
    cookies.clear(dir)
    cookies.hooksFor(dir).keep(['session=s-2'], `${server.url}/login`)
    const off = await run('off', { keepCookies: false, saveCookies: true })
    expect(sentCookie(off[0]!)).toBeNull()
    expect(jarNames()).toEqual(['session=s-2'])
  })
})

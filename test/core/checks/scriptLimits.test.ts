import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { checkedSend } from '../../../electron/core/checks/checkedSend'
import { HttpEngine } from '../../../electron/core/http/engine'
import { createScriptRunner, type ScriptRunner } from '../../../electron/core/scripts/scriptRunner'
import { SettingsService } from '../../../electron/core/settings/settingsService'
import { createMemoryStore } from '../../../electron/core/storage/keyValueStore'
import { startHttpbin, type RunningServer } from '../../servers'
import { spec } from '../http/spec'

let httpbin: RunningServer
let runner: ScriptRunner
const engine = new HttpEngine()

beforeAll(async () => {
  httpbin = await startHttpbin()
  runner = createScriptRunner()
})
afterAll(async () => {
  await runner.close()
  engine.close()
  await httpbin.close()
})

describe('script limits from the settings', () => {
  it('are kept in the settings, 5 s and 64 MB by default', () => {
    const settings = new SettingsService(createMemoryStore())
    expect(settings.get().scriptLimits).toEqual({ cpuMs: 5_000, memoryMB: 64 })
    settings.update({ scriptLimits: { cpuMs: 250 } })
    expect(settings.get().scriptLimits).toEqual({ cpuMs: 250, memoryMB: 64 })
  })

  it('stop a looping script in the real sandbox, naming the limit, and keep the response', async () => {
    const { result } = await checkedSend(
      {
        send: (s, variables) => engine.send({ spec: s, variables }),
        scripts: runner,
        schemas: new SchemaCheck(),
        bodyText: async (r) => r.body,
      },
      {
        spec: spec({
          url: `${httpbin.url}/get`,
          scripts: { preRequest: '', postResponse: 'while (true) {}' },
        }),
        variables: {},
        scriptLevels: [],
        requestName: 'Loop',
        limits: { cpuMs: 250 },
      },
    )
    expect(result.ok).toBe(true)
    expect(result.checks?.scriptFailure).toMatchObject({
      script: 'request Loop',
      event: 'postResponse',
      limit: 'cpu',
    })
    expect(result.checks?.scriptFailure?.message).toMatch(/limit/i)
  })
})

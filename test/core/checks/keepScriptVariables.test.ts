import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { keepScriptVariables } from '../../../electron/core/checks/keepScriptVariables'
import { workspaceSchemaReader } from '../../../electron/core/checks/schemaFiles'
import { harness, tempDir, type Harness } from '../workspace/helpers'

let h: Harness | undefined
afterEach(async () => {
  await h?.service.close()
})

async function workspaceWithEnvironment() {
  h = harness()
  const dir = join(tempDir(), 'ws')
  await h.service.create(dir, 'Shop')
  await h.service.saveEnvironment(null, {
    schemaVersion: 1,
    name: 'staging',
    variables: [
      { name: 'base', value: 'https://staging.test', enabled: true, secret: false },
      { name: 'token', value: 'old-secret', enabled: true, secret: true },
      { name: 'gone', value: 'x', enabled: true, secret: false },
    ],
  })
  await h.service.setActiveEnvironment('staging')
  return { service: h.service, dir }
}

describe('variables set by scripts', () => {
  it('are kept in the environment, the globals and the workspace like an edit; secrets stay secret', async () => {
    const { service, dir } = await workspaceWithEnvironment()
    const before = {
      globals: {},
      collection: {},
      environment: { base: 'https://staging.test', token: 'old-secret', gone: 'x' },
      request: {},
    }
    const written = await keepScriptVariables(service, before, {
      local: { onlyThisSend: '1' },
      iterationData: {},
      environment: { base: 'https://staging.test', token: 'new-secret', userId: '42' },
      collection: { page: '2' },
      globals: { runId: 'r-1' },
    })
    expect(written).toEqual(['environment staging', 'globals', 'workspace variables'])
    const snapshot = await service.snapshot()
    const staging = snapshot.environments.find((e) => e.name === 'staging')!
    expect(staging.variables).toEqual([
      { name: 'base', value: 'https://staging.test', enabled: true, secret: false },
      { name: 'token', value: 'new-secret', enabled: true, secret: true },
      { name: 'userId', value: '42', enabled: true, secret: false },
    ])
    // The secret's new value is in the secret store, never in the environment file.
    const file = readFileSync(join(dir, 'environments', 'staging.env.json'), 'utf8')
    expect(file).not.toContain('new-secret')
    expect(file).toContain('userId')
    expect(service.globals()).toEqual([
      { name: 'runId', value: 'r-1', enabled: true, secret: false },
    ])
    expect(snapshot.manifest.defaults.variables).toEqual([
      { name: 'page', value: '2', enabled: true, secret: false },
    ])
    // pm.variables lasts for the send: nowhere on disk.
    expect(JSON.stringify(await service.snapshot())).not.toContain('onlyThisSend')
  })

  it('write nothing when the scripts changed nothing', async () => {
    const { service } = await workspaceWithEnvironment()
    const same = { base: 'https://staging.test', token: 'old-secret', gone: 'x' }
    const written = await keepScriptVariables(
      service,
      { globals: {}, collection: {}, environment: same, request: {} },
      { local: {}, iterationData: {}, environment: same, collection: {}, globals: {} },
    )
    expect(written).toEqual([])
  })
})

describe('schema files of assertions', () => {
  it('are read from inside the workspace only', async () => {
    const { service, dir } = await workspaceWithEnvironment()
    writeFileSync(join(dir, 'user.schema.json'), '{"type":"object"}')
    const read = workspaceSchemaReader(service)
    await expect(read('user.schema.json')).resolves.toBe('{"type":"object"}')
    await expect(read('../../etc/passwd')).rejects.toThrow(/outside the workspace folder/)
    await expect(read('/etc/passwd')).rejects.toThrow(/outside the workspace folder/)
  })
})

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore'
import { createMemoryStore } from '../../../electron/core/storage/keyValueStore'
import { openConfStore } from '../../../electron/core/storage/openConfStore'
import { WorkspaceError } from '../../../electron/core/workspace/workspaceApi'
import { requestText } from '../../../electron/core/workspace/workspaceFormat'
import type { WorkspaceService } from '../../../electron/core/workspace/workspaceService'
import { EnvironmentSchema, type Environment } from '../../../shared/model/workspace'
import { allFiles, harness, nextSnapshot, paths, request, tempDir } from './helpers'

const open: WorkspaceService[] = []
function started(...args: Parameters<typeof harness>) {
  const h = harness(...args)
  open.push(h.service)
  return h
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

const env = (name: string, variables: Environment['variables'] = []) =>
  EnvironmentSchema.parse({ name, variables })

describe('the default workspace', () => {
  it('is created in the data dir on first start, ready to save a request into', async () => {
    const { service, dataDir } = started()
    const snapshot = await service.snapshot()
    expect(snapshot.dir).toBe(join(dataDir, 'workspaces', 'Default'))
    expect(snapshot.manifest.name).toBe('My workspace')
    expect(snapshot).toMatchObject({
      tree: [],
      environments: [],
      activeEnvironment: null,
      problems: [],
    })
    expect(readFileSync(join(snapshot.dir, '.gitignore'), 'utf8')).toBe('.courier-local/\n')
    const path = await service.saveRequest(null, '', request({ name: 'First' }))
    expect(paths((await service.snapshot()).tree)).toEqual([path])
    expect(service.recent()).toEqual([{ dir: snapshot.dir, name: 'My workspace' }])
  })
})

describe('opening, creating and recent workspaces', () => {
  it('creates a workspace in any folder, keeping an existing .gitignore', async () => {
    const { service } = started()
    const dir = tempDir()
    writeFileSync(join(dir, '.gitignore'), 'node_modules/')
    const snapshot = await service.create(dir, 'API tests')
    expect(snapshot.manifest.name).toBe('API tests')
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n.courier-local/\n')
    expect(JSON.parse(readFileSync(join(dir, 'courier.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      name: 'API tests',
      defaults: { headers: [], auth: { type: 'inherit' }, variables: [] },
    })
    await expect(service.create(dir, 'Again')).rejects.toThrow(/already a Courier workspace/)
  })

  it('refuses to open a folder that is not a workspace', async () => {
    const { service } = started()
    await expect(service.open(tempDir())).rejects.toThrow(WorkspaceError)
    await expect(service.open(tempDir())).rejects.toThrow(/no courier\.json/)
  })

  it('keeps the recent list most recent first, at most 10', async () => {
    const { service } = started()
    const dirs = Array.from({ length: 12 }, (_, i) => join(tempDir(), `ws${i}`))
    for (const [i, dir] of dirs.entries()) await service.create(dir, `W${i}`)
    await service.open(dirs[3]!)
    const recent = service.recent()
    expect(recent).toHaveLength(10)
    expect(recent.slice(0, 3)).toEqual([
      { dir: dirs[3], name: 'W3' },
      { dir: dirs[11], name: 'W11' },
      { dir: dirs[10], name: 'W10' },
    ])
  })

  it('reopens the same workspace and active environment after a restart', async () => {
    const store = createMemoryStore()
    const secrets = new MemorySecretStore(null)
    const first = started({ store, secrets })
    const dir = join(tempDir(), 'team')
    await first.service.create(dir, 'Team')
    await first.service.saveEnvironment(null, env('staging'))
    await first.service.setActiveEnvironment('staging')
    await first.service.close()

    const again = started({ dataDir: first.dataDir, store, secrets })
    const snapshot = await again.service.snapshot()
    expect(snapshot.dir).toBe(dir)
    expect(snapshot.activeEnvironment).toBe('staging')
  })

  it('drops recent workspaces that are gone, says so, and opens the next one', async () => {
    const store = createMemoryStore()
    const first = started({ store })
    const kept = join(tempDir(), 'kept')
    const gone = join(tempDir(), 'gone')
    await first.service.create(kept, 'Kept')
    await first.service.create(gone, 'Gone')
    await first.service.close()
    rmSync(gone, { recursive: true })

    const again = started({ dataDir: first.dataDir, store })
    const snapshot = await again.service.snapshot()
    expect(snapshot.dir).toBe(kept)
    expect(snapshot.problems).toEqual([
      {
        path: gone,
        message: expect.stringMatching(/"Gone" is no longer at .*removed from the recent list/),
      },
    ])
    expect(again.service.recent().map((r) => r.dir)).toEqual([kept])
  })
})

describe('environments', () => {
  it('creates, renames (file and active follow) and deletes environments', async () => {
    const { service, dataDir } = started()
    const { dir } = await service.snapshot()
    await service.saveEnvironment(
      null,
      env('Staging', [{ name: 'host', value: 'stg', enabled: true, secret: false }]),
    )
    await service.saveEnvironment(null, env('dev'))
    await expect(service.saveEnvironment(null, env('dev'))).rejects.toThrow(/already exists/)
    await service.setActiveEnvironment('Staging')
    await expect(service.setActiveEnvironment('nope')).rejects.toThrow(
      /no environment named "nope"/,
    )
    expect(existsSync(join(dir, 'environments', 'Staging.env.json'))).toBe(true)

    await service.saveEnvironment('Staging', env('Stage: EU'))
    let snapshot = await service.snapshot()
    expect(snapshot.environments.map((e) => e.name)).toEqual(['dev', 'Stage: EU'])
    expect(snapshot.activeEnvironment).toBe('Stage: EU')
    expect(existsSync(join(dir, 'environments', 'Staging.env.json'))).toBe(false)
    expect(existsSync(join(dir, 'environments', 'Stage_ EU.env.json'))).toBe(true)
    await expect(service.saveEnvironment('dev', env('Stage: EU'))).rejects.toThrow(/already exists/)

    await service.deleteEnvironment('Stage: EU')
    snapshot = await service.snapshot()
    expect(snapshot.environments.map((e) => e.name)).toEqual(['dev'])
    expect(snapshot.activeEnvironment).toBeNull()
    expect(allFiles(join(dataDir, 'trash')).some((f) => f.endsWith('Stage_ EU.env.json'))).toBe(
      true,
    )
  })

  it('reports an environment file that does not parse, and two files with one name', async () => {
    const { service } = started()
    const { dir } = await service.snapshot()
    mkdirSync(join(dir, 'environments'))
    writeFileSync(join(dir, 'environments', 'broken.env.json'), '{"name": ')
    writeFileSync(join(dir, 'environments', 'a.env.json'), JSON.stringify({ name: 'same' }))
    writeFileSync(join(dir, 'environments', 'b.env.json'), JSON.stringify({ name: 'same' }))
    const snapshot = await service.snapshot()
    expect(snapshot.environments.map((e) => e.name)).toEqual(['same'])
    expect(snapshot.problems.map((p) => p.path)).toEqual([
      'environments/b.env.json',
      'environments/broken.env.json',
    ])
  })
})

describe('defaults of the workspace and its folders', () => {
  it('saves and reads headers, auth and variables', async () => {
    const { service } = started()
    await service.snapshot()
    await service.createFolder('', 'Users')
    const defaults = {
      headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
      auth: { type: 'bearer' as const, token: '{{token}}' },
      variables: [{ name: 'base', value: 'https://api.test', enabled: true, secret: false }],
    }
    await service.saveDefaults('', defaults)
    await service.saveDefaults('Users', { ...defaults, auth: { type: 'inherit' } })
    const snapshot = await service.snapshot()
    expect(snapshot.manifest.defaults).toEqual(defaults)
    expect(snapshot.tree[0]).toMatchObject({
      kind: 'folder',
      defaults: { ...defaults, auth: { type: 'inherit' } },
    })
    await expect(service.saveDefaults('Nope', defaults)).rejects.toThrow(/"Nope" does not exist/)
  })
})

describe('files that cannot be read', () => {
  it('a corrupt manifest: a problem, the folder name, the rest of the workspace', async () => {
    const { service } = started()
    const dir = join(tempDir(), 'broken-manifest')
    await service.create(dir, 'Fine')
    await service.saveRequest(null, '', request({ name: 'Still here' }))
    writeFileSync(join(dir, 'courier.json'), '{ "name": ')
    const snapshot = await service.snapshot()
    expect(snapshot.manifest.name).toBe('broken-manifest')
    expect(paths(snapshot.tree)).toEqual(['Still here.request.json'])
    expect(snapshot.problems[0]?.message).toMatch(/^courier\.json: line 1/)
    await expect(
      service.saveDefaults('', { headers: [], auth: { type: 'inherit' }, variables: [] }),
    ).rejects.toThrow(/courier\.json/)
  })

  it('a request written by a newer Courier: a problem saying to update', async () => {
    const { service } = started()
    const { dir } = await service.snapshot()
    writeFileSync(
      join(dir, 'Future.request.json'),
      JSON.stringify({ schemaVersion: 7, name: 'F', method: 'GET', url: '' }),
    )
    const snapshot = await service.snapshot()
    expect(snapshot.problems).toEqual([
      {
        path: 'Future.request.json',
        message: expect.stringMatching(/newer Courier \(format 7.*Update Courier/),
      },
    ])
    await expect(service.readRequest('Future.request.json')).rejects.toThrow(/Update Courier/)
  })
})

describe('globals', () => {
  it('live in the app state, secret values in the secret store', () => {
    const { service, store } = started()
    const rows = [
      { name: 'user', value: 'tester', enabled: true, secret: false },
      { name: 'pin', value: '1234', enabled: false, secret: true },
    ]
    expect(service.updateGlobals(rows)).toEqual(rows)
    expect(service.globals()).toEqual(rows)
    expect(JSON.stringify(store.get('globals'))).not.toContain('1234')
    service.updateGlobals([rows[0]!])
    expect(service.globals()).toEqual([rows[0]])
  })
})

describe('changes are pushed to onChange', () => {
  it('after our own changes, even without watching', async () => {
    const { service } = started({ watch: false })
    await service.snapshot()
    const seen = nextSnapshot(service, (s) => paths(s.tree).includes('Mine.request.json'))
    await service.saveRequest(null, '', request({ name: 'Mine' }))
    await seen
  })

  it('after another program adds, edits or adds a folder of requests', async () => {
    const { service } = started({ watch: true })
    const { dir } = await service.snapshot()

    const added = nextSnapshot(service, (s) => paths(s.tree).includes('Outside.request.json'))
    writeFileSync(
      join(dir, 'Outside.request.json'),
      requestText(request({ name: 'Outside', url: 'https://v1.test' })),
    )
    await added

    const edited = nextSnapshot(service, (s) =>
      s.tree.some((n) => n.kind === 'request' && n.url === 'https://v2.test'),
    )
    writeFileSync(
      join(dir, 'Outside.request.json'),
      requestText(request({ name: 'Outside', url: 'https://v2.test' })),
    )
    await edited

    const nested = nextSnapshot(service, (s) => paths(s.tree).includes('Pulled/Deep.request.json'))
    mkdirSync(join(dir, 'Pulled'))
    writeFileSync(join(dir, 'Pulled', 'Deep.request.json'), requestText(request({ name: 'Deep' })))
    await nested
  })
})

describe('secret values never reach a file', () => {
  const SENTINEL = 'SENTINEL-5f3a9c'

  it('in the workspace, the data dir or the app state, yet the app still has them', async () => {
    const dataDir = tempDir('courier-data-')
    const store = openConfStore(dataDir)
    const secrets = new MemorySecretStore(null)
    const { service } = started({ dataDir, store, secrets })
    const secret = (name: string) => ({
      name,
      value: `${SENTINEL}-${name}`,
      enabled: true,
      secret: true,
    })
    const plain = { name: 'host', value: 'api.test', enabled: true, secret: false }

    const defaultDir = (await service.snapshot()).dir
    await service.saveEnvironment(null, env('staging', [plain, secret('token')]))
    await service.saveDefaults('', {
      headers: [],
      auth: { type: 'inherit' },
      variables: [secret('ws')],
    })

    const teamDir = join(tempDir(), 'team')
    await service.create(teamDir, 'Team')
    await service.saveEnvironment(null, env('prod', [secret('token')]))
    await service.saveEnvironment('prod', env('production', [secret('token')]))
    await service.saveDefaults('', {
      headers: [],
      auth: { type: 'inherit' },
      variables: [secret('ws')],
    })
    await service.createFolder('', 'Users')
    await service.saveDefaults('Users', {
      headers: [],
      auth: { type: 'inherit' },
      variables: [secret('folder')],
    })
    const req = await service.saveRequest(
      null,
      'Users',
      request({ name: 'Get', variables: [plain, secret('req')] }),
    )
    await service.createFolder('', 'Archive')
    const moved = await service.move('Users', 'Archive')
    const renamed = await service.rename(moved, 'People')
    const copy = await service.duplicate(renamed)
    const undoId = await service.delete(copy)
    const restored = await service.undoDelete(undoId)
    service.updateGlobals([secret('global')])

    for (const file of [...allFiles(dataDir), ...allFiles(defaultDir), ...allFiles(teamDir)])
      expect(readFileSync(file, 'latin1'), file).not.toContain(SENTINEL)
    expect(allFiles(teamDir).length).toBeGreaterThan(4)

    const snapshot = await service.snapshot()
    expect(snapshot.environments[0]?.variables).toEqual([secret('token')])
    expect(snapshot.manifest.defaults.variables).toEqual([secret('ws')])
    const archive = snapshot.tree[0]
    expect(
      archive?.kind === 'folder' &&
        archive.children.map((c) => c.kind === 'folder' && c.defaults.variables),
    ).toEqual([[secret('folder')], [secret('folder')]])
    expect(req).toBe('Users/Get.request.json')
    for (const folder of [renamed, restored])
      expect((await service.readRequest(`${folder}/Get.request.json`)).variables).toEqual([
        plain,
        secret('req'),
      ])
    expect(service.globals()).toEqual([secret('global')])

    const back = await service.open(defaultDir)
    expect(back.environments[0]?.variables).toEqual([plain, secret('token')])
    expect(back.manifest.defaults.variables).toEqual([secret('ws')])
  })

  it('forgets the values of a deleted environment', async () => {
    const secrets = new MemorySecretStore(null)
    const { service } = started({ secrets })
    await service.snapshot()
    await service.saveEnvironment(
      null,
      env('tmp', [{ name: 't', value: SENTINEL, enabled: true, secret: true }]),
    )
    await service.deleteEnvironment('tmp')
    await service.saveEnvironment(
      null,
      env('tmp', [{ name: 't', value: '', enabled: true, secret: true }]),
    )
    expect((await service.snapshot()).environments[0]?.variables[0]?.value).toBe('')
  })
})

describe('files Courier must not overwrite', () => {
  it('a request of a newer format, and a folder.json that does not parse', async () => {
    const { service } = started()
    const { dir } = await service.snapshot()
    const future = JSON.stringify({ schemaVersion: 2, name: 'F', method: 'GET', url: '' })
    writeFileSync(join(dir, 'F.request.json'), future)
    await expect(service.saveRequest('F.request.json', '', request({ name: 'F' }))).rejects.toThrow(
      /Update Courier/,
    )
    expect(readFileSync(join(dir, 'F.request.json'), 'utf8')).toBe(future)

    await service.createFolder('', 'Users')
    writeFileSync(join(dir, 'Users', 'folder.json'), '{ "defaults": ')
    await expect(
      service.saveDefaults('Users', { headers: [], auth: { type: 'inherit' }, variables: [] }),
    ).rejects.toThrow(/^Users\/folder\.json: line 1/)
    expect(readFileSync(join(dir, 'Users', 'folder.json'), 'utf8')).toBe('{ "defaults": ')
  })
})

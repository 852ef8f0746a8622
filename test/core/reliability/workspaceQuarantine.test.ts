import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkspaceService } from '../../../electron/core/workspace/workspaceService'
import { EnvironmentSchema } from '../../../shared/model/workspace'
import { allFiles, harness, request } from '../workspace/helpers'

/**
 * A corrupt file of each kind a workspace holds (request, folder defaults, environment,
 * manifest) is copied to `.courier-local/quarantine/` when Courier finds it, and again
 * before a save replaces it, so a bad merge or a torn hand edit is never lost.
 */
const open: WorkspaceService[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function workspace() {
  const h = harness()
  open.push(h.service)
  const { dir } = await h.service.snapshot()
  return { ...h, dir }
}

const quarantined = (dir: string) => {
  const root = join(dir, '.courier-local', 'quarantine')
  return allFiles(root).map((f) => f.slice(root.length + 1))
}

describe('corrupt workspace files', () => {
  it('copies each kind to quarantine once, byte for byte and private, and names the copy', async () => {
    const { service, dir } = await workspace()
    await service.saveRequest(null, '', request({ name: 'Fine' }))
    const folder = await service.createFolder('', 'Users')
    await service.saveEnvironment(null, EnvironmentSchema.parse({ name: 'Prod' }))
    const broken = {
      'Users/Get user.request.json': '{\n  "name": "Get user",\n<<<<<<< HEAD\n',
      [`${folder}/folder.json`]: '{ "schemaVersion": 1, "defaults": ',
      'environments/Prod.env.json': '{ "name": 42 }',
      'courier.json': '',
    }
    for (const [rel, text] of Object.entries(broken)) writeFileSync(join(dir, rel), text)

    const first = await service.snapshot()
    expect(first.problems).toHaveLength(4)
    for (const [rel, text] of Object.entries(broken)) {
      const problem = first.problems.find((p) => p.path === rel)
      expect(problem?.message, rel).toMatch(
        new RegExp(
          `A copy is kept in \\.courier-local/quarantine/${escape(rel)}\\.corrupt-[0-9a-f]{12}\\.$`,
        ),
      )
      const copy = /A copy is kept in (.+)\.$/.exec(problem!.message)![1]!
      expect(readFileSync(join(dir, copy), 'utf8')).toBe(text)
      expect(statSync(join(dir, copy)).mode & 0o777).toBe(0o600)
    }
    // Read again (the watcher does, on every change): the same text is kept once.
    await service.snapshot()
    expect(quarantined(dir)).toHaveLength(4)
    // Broken differently: that text is kept too.
    writeFileSync(join(dir, 'courier.json'), '{')
    await service.snapshot()
    expect(quarantined(dir).filter((f) => f.startsWith('courier.json.corrupt-'))).toHaveLength(2)
  })

  it('keeps no copy of a file written by a newer Courier (it is not corrupt)', async () => {
    const { service, dir } = await workspace()
    writeFileSync(
      join(dir, 'Future.request.json'),
      JSON.stringify({ schemaVersion: 99, name: 'F', method: 'GET', url: '' }),
    )
    const { problems } = await service.snapshot()
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).not.toMatch(/quarantine/)
    expect(existsSync(join(dir, '.courier-local', 'quarantine'))).toBe(false)
  })

  it('keeps the old text when a save replaces a corrupt request, and says so', async () => {
    const { service, dir } = await workspace()
    const path = await service.saveRequest(null, '', request({ name: 'Get user' }))
    const conflict = '{\n<<<<<<< HEAD\n  "url": "https://mine.test"\n=======\n'
    writeFileSync(join(dir, path), conflict)
    // A tab still open on the request saves over it.
    await service.saveRequest(path, '', request({ name: 'Get user', url: 'https://new.test' }))
    expect(JSON.parse(readFileSync(join(dir, path), 'utf8'))).toMatchObject({
      url: 'https://new.test',
    })
    const [copy] = quarantined(dir)
    expect(readFileSync(join(dir, '.courier-local', 'quarantine', copy!), 'utf8')).toBe(conflict)
    const { problems } = await service.snapshot()
    expect(problems).toEqual([
      {
        path,
        message: `${path} could not be read, so your save replaced it; its old text is kept in .courier-local/quarantine/${copy}.`,
      },
    ])
  })

  it('refuses to replace a corrupt request when no copy can be kept, leaving it as it was', async () => {
    const { service, dir } = await workspace()
    const path = await service.saveRequest(null, '', request({ name: 'Get user' }))
    writeFileSync(join(dir, path), '{ torn')
    // The quarantine folder cannot be made: a file stands where it would go.
    mkdirSync(join(dir, '.courier-local'), { recursive: true })
    writeFileSync(join(dir, '.courier-local', 'quarantine'), '')
    await expect(
      service.saveRequest(path, '', request({ name: 'Get user', url: 'https://new.test' })),
    ).rejects.toThrow(/could not be read and a copy of it could not be kept.*was not replaced/)
    expect(readFileSync(join(dir, path), 'utf8')).toBe('{ torn')
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Collection } from 'postman-collection'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkspaceService } from '../../electron/core/workspace/workspaceService'
import {
  createExportWorkspace,
  LITERAL_PASSWORD,
  LITERAL_TOKEN,
  SECRET_VALUE,
} from '../core/interop/export/exportWorkspace'
import { runCourier, tempDir } from './runCourier'

let service: WorkspaceService
let workspaceDir: string
let dataDir: string

const courier = (args: string[]) => runCourier(args, { dataDir })

beforeAll(async () => {
  const created = await createExportWorkspace()
  service = created.service
  workspaceDir = join(created.dir, 'ws')
  dataDir = tempDir('courier-cli-data-')
})
afterAll(async () => {
  await service?.close()
})

describe('courier export', () => {
  it('prints a Postman collection of the workspace, secrets left out', async () => {
    const out = await courier(['export', '--workspace', workspaceDir, '--format', 'postman'])
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    for (const secret of [SECRET_VALUE, LITERAL_TOKEN, LITERAL_PASSWORD])
      expect(out.stdout).not.toContain(secret)
    const collection = new Collection(JSON.parse(out.stdout))
    expect(collection.name).toBe('Shop')
  })

  it('writes one folder as HAR to a file', async () => {
    const file = join(tempDir('courier-har-'), 'users.har')
    const out = await courier([
      'export',
      '--workspace',
      workspaceDir,
      '--folder',
      'API/Users',
      '--format',
      'har',
      '--output',
      file,
    ])
    expect(out.code).toBe(0)
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } }
    expect(har.log.entries).toHaveLength(2)
  })

  it('refuses an unknown format or folder', async () => {
    expect((await courier(['export', '--workspace', workspaceDir, '--format', 'zip'])).code).toBe(2)
    const out = await courier([
      'export',
      '--workspace',
      workspaceDir,
      '--folder',
      'Nope',
      '--format',
      'har',
    ])
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('No folder "Nope"')
  })
})

describe('courier code', () => {
  it('prints a saved request as python-requests, resolved like courier send', async () => {
    const out = await courier([
      'code',
      'API/Users/Update user',
      '--workspace',
      workspaceDir,
      '--lang',
      'python-requests',
    ])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('requests.put(')
    expect(out.stdout).toContain('url = "https://api.example.com/v2/users/7"')
    expect(out.stdout).toContain('"X-Team": "qa"')
    expect(out.stdout).not.toContain(SECRET_VALUE)
  })

  it('prints curl, and refuses an unknown language', async () => {
    const curl = await courier([
      'code',
      'API/Login form',
      '--workspace',
      workspaceDir,
      '--lang',
      'curl',
    ])
    expect(curl.code).toBe(0)
    expect(curl.stdout).toMatch(/^curl https:\/\/api.example.com\/login /)
    const bad = await courier([
      'code',
      'API/Login form',
      '--workspace',
      workspaceDir,
      '--lang',
      'cobol',
    ])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Unknown language "cobol"')
  })
})

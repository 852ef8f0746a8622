import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../../electron/core/secrets/memorySecretStore'
import { openConfStore } from '../../electron/core/storage/openConfStore'
import { WorkspaceService } from '../../electron/core/workspace/workspaceService'
import { SavedRequestSchema } from '../../shared/model/workspace'
import { startHttpbin, type RunningServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

let httpbin: RunningServer
let dir: string
let dataDir: string
let workspaceDir: string
let payload: string
let collection: string

/** A workspace whose "Uploads/Upload" PUTs files/payload.txt, a path relative to the workspace. */
async function createWorkspace(): Promise<void> {
  const workspace = new WorkspaceService({
    dataDir,
    store: openConfStore(dataDir),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
  try {
    await workspace.create(workspaceDir, 'Files')
    const folder = await workspace.createFolder('', 'Uploads')
    await workspace.saveRequest(
      null,
      folder,
      SavedRequestSchema.parse({
        name: 'Upload',
        method: 'PUT',
        url: `${httpbin.url}/put`,
        body: { type: 'binary', path: 'files/payload.txt' },
      }),
    )
  } finally {
    await workspace.close()
  }
  mkdirSync(join(workspaceDir, 'files'))
  payload = join(workspaceDir, 'files', 'payload.txt')
  writeFileSync(payload, 'hello')
}

beforeAll(async () => {
  httpbin = await startHttpbin()
  dir = tempDir('courier-cli-allow-files-')
  dataDir = join(dir, 'data')
  workspaceDir = join(dir, 'workspace')
  await createWorkspace()
  collection = join(dir, 'collection.json')
  writeFileSync(
    collection,
    JSON.stringify({
      info: {
        name: 'Files',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Upload',
          request: {
            method: 'POST',
            url: `${httpbin.url}/post`,
            body: { mode: 'formdata', formdata: [{ key: 'f', type: 'file', src: payload }] },
          },
          event: [
            {
              listen: 'test',
              script: {
                exec: [
                  "pm.test('sent', () => pm.expect(pm.response.json().files.f).to.eql('hello'))",
                ],
              },
            },
          ],
        },
      ],
    }),
  )
})
afterAll(() => httpbin?.close())

const courier = (args: string[]) => runCourier(args, { dataDir })

describe('courier send of a saved request reads its file only when allowed', () => {
  const args = (...more: string[]) => [
    'send',
    'Uploads/Upload',
    '--workspace',
    workspaceDir,
    '--no-history',
    '--output',
    'json',
    ...more,
  ]

  it('without --allow-file: exit 2 naming the file, read from the workspace folder', async () => {
    const r = await courier(args())
    expect(r.code).toBe(2)
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } }
    expect(out.error.code).toBe('FILE_NOT_CONFIRMED')
    expect(out.error.message).toContain(`"${payload}"`)
  })

  it('--allow-file PATH and --allow-files send it', async () => {
    for (const flags of [['--allow-file', payload], ['--allow-files']]) {
      const r = await courier(args(...flags))
      expect(r.code).toBe(0)
      const out = JSON.parse(r.stdout) as { body: string }
      expect((JSON.parse(out.body) as { data: string }).data).toBe('hello')
    }
  })
})

describe('courier run reads the files of its requests only when allowed', () => {
  it('a collection: exit 2 before anything is sent, naming the file and the flags', async () => {
    const r = await courier(['run', collection, '--working-dir', workspaceDir])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`"${payload}" (request "Upload")`)
    expect(r.stderr).toContain('--allow-file PATH')
    expect(r.stdout).toBe('')
  })

  it('a collection: --allow-file, even outside --working-dir, and --allow-files send it', async () => {
    const outside = join(dir, 'elsewhere')
    mkdirSync(outside, { recursive: true })
    for (const flags of [
      ['--allow-file', payload, '--working-dir', outside],
      ['--allow-files', '--working-dir', workspaceDir],
    ]) {
      const r = await courier(['run', collection, '--color', 'off', ...flags])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('✓  sent')
    }
  })

  it('a workspace: exit 2 without, and its relative file from the workspace with --allow-files', async () => {
    const refused = await courier(['run', 'Uploads', '--workspace', workspaceDir])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`"${payload}" (request "Uploads/Upload")`)
    const sent = await courier(['run', 'Uploads', '--workspace', workspaceDir, '--allow-files'])
    expect(sent.code).toBe(0)
  })
})

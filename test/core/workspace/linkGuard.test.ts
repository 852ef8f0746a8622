import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WorkspaceError } from '../../../electron/core/workspace/workspaceApi'
import { harness, request, tempDir, type Harness } from './helpers'

let h: Harness
let root: string
let outside: string

beforeEach(async () => {
  h = harness()
  root = join(tempDir(), 'ws')
  outside = tempDir('courier-outside-')
  await h.service.create(root, 'Links')
})
afterEach(() => h.service.close())

describe('symbolic links out of the workspace', () => {
  it('refuses to save a request into a linked folder that leads outside, naming the link', async () => {
    symlinkSync(outside, join(root, 'Keys'), 'dir')
    const error = await h.service.saveRequest(null, 'Keys', request()).catch((e) => e)
    expect(error).toBeInstanceOf(WorkspaceError)
    expect(error.message).toContain('"Keys"')
    expect(error.message).toContain(outside)
    expect(error.message).toMatch(/symbolic link.*outside the workspace/)
    expect(readdirSync(outside)).toEqual([])
  })

  it('refuses to replace a request file that is a link to a file outside, leaving that file alone', async () => {
    const secret = join(outside, 'id_rsa')
    writeFileSync(secret, 'PRIVATE KEY')
    symlinkSync(secret, join(root, 'Key.request.json'))
    const error = await h.service
      .saveRequest('Key.request.json', '', request({ name: 'Key' }))
      .catch((e) => e)
    expect(error).toBeInstanceOf(WorkspaceError)
    expect(error.message).toContain('"Key.request.json"')
    expect(readFileSync(secret, 'utf8')).toBe('PRIVATE KEY')
  })

  it('refuses folders, environments and moves through such a link', async () => {
    symlinkSync(outside, join(root, 'environments'), 'dir')
    const env = await h.service
      .saveEnvironment(null, { name: 'Prod', variables: [] } as never)
      .catch((e) => e)
    expect(env).toBeInstanceOf(WorkspaceError)
    expect(env.message).toContain('"environments"')

    symlinkSync(outside, join(root, 'Out'), 'dir')
    const folder = await h.service.createFolder('Out', 'Inner').catch((e) => e)
    expect(folder).toBeInstanceOf(WorkspaceError)
    const saved = await h.service.saveRequest(null, '', request({ name: 'Mine' }))
    const moved = await h.service.move(saved, 'Out').catch((e) => e)
    expect(moved).toBeInstanceOf(WorkspaceError)
    expect(existsSync(join(root, saved))).toBe(true)
    expect(readdirSync(outside)).toEqual([])
  })

  it('writes through a link that stays inside the workspace', async () => {
    mkdirSync(join(root, 'Real'))
    symlinkSync(join(root, 'Real'), join(root, 'Alias'), 'dir')
    expect(await h.service.saveRequest(null, 'Alias', request({ name: 'Here' }))).toBe(
      'Alias/Here.request.json',
    )
    expect(readdirSync(join(root, 'Real'))).toEqual(['Here.request.json'])
  })
})

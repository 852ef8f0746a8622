import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WorkspaceError } from '../../../electron/core/workspace/workspaceApi'
import { harness, paths, request, tempDir, type Harness } from './helpers'

let h: Harness
let root: string

beforeEach(async () => {
  h = harness()
  root = join(tempDir(), 'ws')
  await h.service.create(root, 'Items')
})
afterEach(() => h.service.close())

const tree = async () => paths((await h.service.snapshot()).tree)
const fileOf = (rel: string) => join(root, ...rel.split('/'))
const nameIn = (rel: string) => JSON.parse(readFileSync(fileOf(rel), 'utf8')).name as string

describe('creating', () => {
  it('creates requests and folders named after them, numbering collisions', async () => {
    const s = h.service
    expect(await s.createFolder('', 'Users')).toBe('Users')
    expect(await s.createFolder('', 'Users')).toBe('Users (2)')
    expect(await s.createFolder('Users', 'Admins')).toBe('Users/Admins')
    expect(await s.saveRequest(null, 'Users', request({ name: 'Get user' }))).toBe(
      'Users/Get user.request.json',
    )
    expect(await s.saveRequest(null, 'Users', request({ name: 'Get user' }))).toBe(
      'Users/Get user (2).request.json',
    )
    expect(nameIn('Users/Get user (2).request.json')).toBe('Get user')
    expect(await tree()).toEqual([
      'Users',
      'Users/Admins',
      'Users/Get user.request.json',
      'Users/Get user (2).request.json',
      'Users (2)',
    ])
  })

  it('makes unsafe names safe on every OS and keeps the typed name for display', async () => {
    const s = h.service
    const path = await s.saveRequest(null, '', request({ name: 'a/b\\c:d*e?f"g<h>i|j\u0001 ' }))
    expect(path).toBe('a_b_c_d_e_f_g_h_i_j_.request.json')
    expect((await s.readRequest(path)).name).toBe('a/b\\c:d*e?f"g<h>i|j\u0001 ')
    expect(await s.createFolder('', '..')).toBe('Untitled')
    expect(await s.createFolder('', ' .hidden. ')).toBe('hidden')
    expect(await s.createFolder('', 'CON')).toBe('CON_')
    expect(await s.createFolder('', 'environments')).toBe('environments (2)')
    const long = await s.saveRequest(null, '', request({ name: '長'.repeat(300) }))
    expect(Buffer.byteLength(long)).toBeLessThan(200)
    const again = await s.saveRequest(null, '', request({ name: '長'.repeat(300) }))
    expect(again).toBe(long.replace('.request.json', ' (2).request.json'))
    const copy = await s.duplicate(again)
    expect(Buffer.byteLength(copy)).toBeLessThan(220)
  })

  it('refuses paths that leave the workspace', async () => {
    await expect(h.service.createFolder('../outside', 'x')).rejects.toThrow(WorkspaceError)
    await expect(h.service.readRequest('/etc/passwd')).rejects.toThrow(/not a path inside/)
    await expect(h.service.saveRequest('../x.request.json', '', request())).rejects.toThrow(
      WorkspaceError,
    )
  })

  it('names a missing request in the error', async () => {
    await expect(h.service.readRequest('Nope.request.json')).rejects.toThrow(
      /"Nope\.request\.json" is not in the workspace any more/,
    )
  })
})

describe('renaming', () => {
  it('renames a request: the name field changes and the file follows', async () => {
    const s = h.service
    const path = await s.saveRequest(null, '', request({ name: 'Old', url: 'https://keep.test' }))
    const renamed = await s.rename(path, 'New: name')
    expect(renamed).toBe('New_ name.request.json')
    expect(existsSync(fileOf(path))).toBe(false)
    expect(await s.readRequest(renamed)).toMatchObject({
      name: 'New: name',
      url: 'https://keep.test',
    })
  })

  it('numbers a rename that collides, and keeps the file when only the display name changes', async () => {
    const s = h.service
    await s.saveRequest(null, '', request({ name: 'Taken' }))
    const other = await s.saveRequest(null, '', request({ name: 'Other' }))
    expect(await s.rename(other, 'Taken')).toBe('Taken (2).request.json')
    const a = await s.saveRequest(null, '', request({ name: 'a?' }))
    expect(await s.rename(a, 'a*')).toBe(a)
    expect(nameIn(a)).toBe('a*')
  })

  it('renames in case only', async () => {
    const path = await h.service.saveRequest(null, '', request({ name: 'get user' }))
    expect(await h.service.rename(path, 'Get User')).toBe('Get User.request.json')
    expect(await tree()).toEqual(['Get User.request.json'])
  })

  it('renames a folder with its contents', async () => {
    const s = h.service
    await s.createFolder('', 'Users')
    await s.saveRequest(null, 'Users', request({ name: 'List' }))
    await s.createFolder('', 'Team')
    expect(await s.rename('Users', 'Team')).toBe('Team (2)')
    expect(await tree()).toEqual(['Team', 'Team (2)', 'Team (2)/List.request.json'])
  })
})

describe('moving', () => {
  it('moves a request into a folder and back to the root', async () => {
    const s = h.service
    await s.createFolder('', 'Users')
    const path = await s.saveRequest(null, '', request({ name: 'Get' }))
    const moved = await s.move(path, 'Users')
    expect(moved).toBe('Users/Get.request.json')
    expect(await s.move(moved, '')).toBe('Get.request.json')
    expect(await s.move('Get.request.json', '')).toBe('Get.request.json')
  })

  it('numbers a move that collides', async () => {
    const s = h.service
    await s.createFolder('', 'Users')
    await s.saveRequest(null, 'Users', request({ name: 'Get' }))
    const path = await s.saveRequest(null, '', request({ name: 'Get', url: 'https://root.test' }))
    const moved = await s.move(path, 'Users')
    expect(moved).toBe('Users/Get (2).request.json')
    expect((await s.readRequest(moved)).url).toBe('https://root.test')
  })

  it('moves a folder, but never into itself or inside itself', async () => {
    const s = h.service
    await s.createFolder('', 'A')
    await s.createFolder('A', 'B')
    await s.createFolder('', 'C')
    await expect(s.move('A', 'A')).rejects.toThrow(/cannot be moved into itself/)
    await expect(s.move('A', 'A/B')).rejects.toThrow(/cannot be moved into itself/)
    expect(await s.move('A', 'C')).toBe('C/A')
    expect(await tree()).toEqual(['C', 'C/A', 'C/A/B'])
    await expect(s.move('C/A', 'Nowhere')).rejects.toThrow(/"Nowhere" does not exist/)
  })
})

describe('duplicating', () => {
  it('copies a request as "<Name> copy", then "<Name> copy (2)"', async () => {
    const s = h.service
    const path = await s.saveRequest(null, '', request({ name: 'Get', url: 'https://dup.test' }))
    const first = await s.duplicate(path)
    const second = await s.duplicate(path)
    expect([first, second]).toEqual(['Get copy.request.json', 'Get copy (2).request.json'])
    expect(await s.readRequest(second)).toMatchObject({
      name: 'Get copy (2)',
      url: 'https://dup.test',
    })
  })

  it('copies a folder with everything in it', async () => {
    const s = h.service
    await s.createFolder('', 'Users')
    await s.saveRequest(null, 'Users', request({ name: 'List' }))
    expect(await s.duplicate('Users')).toBe('Users copy')
    expect(await tree()).toEqual([
      'Users',
      'Users/List.request.json',
      'Users copy',
      'Users copy/List.request.json',
    ])
  })
})

describe('deleting and undoing', () => {
  it("moves a request to the app's trash, and undo puts it back", async () => {
    const s = h.service
    const path = await s.saveRequest(null, '', request({ name: 'Gone', url: 'https://gone.test' }))
    const undoId = await s.delete(path)
    expect(await tree()).toEqual([])
    const trashed = readdirSync(join(h.dataDir, 'trash', undoId))
    expect(trashed).toContain('Gone.request.json')
    expect(await s.undoDelete(undoId)).toBe(path)
    expect((await s.readRequest(path)).url).toBe('https://gone.test')
    expect(existsSync(join(h.dataDir, 'trash', undoId))).toBe(false)
    await expect(s.undoDelete(undoId)).rejects.toThrow(/can no longer be undone/)
  })

  it('restores under a numbered name when the name was taken meanwhile', async () => {
    const s = h.service
    const path = await s.saveRequest(null, '', request({ name: 'Same', url: 'https://old.test' }))
    const undoId = await s.delete(path)
    await s.saveRequest(null, '', request({ name: 'Same', url: 'https://new.test' }))
    const restored = await s.undoDelete(undoId)
    expect(restored).toBe('Same (2).request.json')
    expect((await s.readRequest(restored)).url).toBe('https://old.test')
    expect((await s.readRequest(path)).url).toBe('https://new.test')
  })

  it('deletes a folder with its contents and restores it, recreating a deleted parent', async () => {
    const s = h.service
    await s.createFolder('', 'A')
    await s.createFolder('A', 'B')
    await s.saveRequest(null, 'A/B', request({ name: 'Deep' }))
    const inner = await s.delete('A/B')
    await s.delete('A')
    expect(await s.undoDelete(inner)).toBe('A/B')
    expect(await tree()).toEqual(['A', 'A/B', 'A/B/Deep.request.json'])
  })

  it('refuses an unknown undo id', async () => {
    await expect(h.service.undoDelete('../../etc')).rejects.toThrow(WorkspaceError)
    await expect(h.service.undoDelete('abc-0123abcd')).rejects.toThrow(/no longer be undone/)
  })
})

describe('racing saves', () => {
  it('of the same file: the last write wins completely, never a torn or empty file', async () => {
    const s = h.service
    const path = await s.saveRequest(null, '', request({ name: 'Race' }))
    const versions = Array.from({ length: 40 }, (_, i) =>
      request({
        name: 'Race',
        url: `https://v${i}.test`,
        body: { type: 'raw', text: `${i}`.repeat(20_000) },
      }),
    )
    await Promise.all(versions.map((v) => s.saveRequest(path, '', v)))
    const final = await s.readRequest(path)
    expect(versions).toContainEqual(final)
    // No temp files left behind.
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('of different files: every one lands', async () => {
    const s = h.service
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        s.saveRequest(null, '', request({ name: `R${i}`, url: `https://${i}.test` })),
      ),
    )
    await Promise.all(
      created.map((path, i) =>
        s.saveRequest(path, '', request({ name: `R${i}`, url: `https://${i}.test/v2` })),
      ),
    )
    for (const [i, path] of created.entries())
      expect((await s.readRequest(path)).url).toBe(`https://${i}.test/v2`)
  })

  it('of new requests with the same name: none overwrites another', async () => {
    const s = h.service
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.saveRequest(null, '', request({ name: 'Same', url: `https://${i}.test` })),
      ),
    )
    expect(new Set(created).size).toBe(20)
    const urls = await Promise.all(created.map(async (p) => (await s.readRequest(p)).url))
    expect(new Set(urls).size).toBe(20)
  })
})

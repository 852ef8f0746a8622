import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requestText } from '../../../electron/core/workspace/workspaceFormat'
import { scanTree } from '../../../electron/core/workspace/workspaceTree'
import { paths, request, tempDir } from './helpers'

function put(root: string, rel: string, text: string) {
  const file = join(root, ...rel.split('/'))
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, text)
}

const saved = (name: string, extra: Record<string, unknown> = {}) =>
  requestText(request({ name, ...extra }))

describe('scanning a workspace folder into the tree', () => {
  it('lists folders first, then requests, by name as a person sorts', async () => {
    const root = tempDir()
    put(root, 'courier.json', '{"schemaVersion":1,"name":"W"}')
    put(root, 'item 10.request.json', saved('item 10'))
    put(root, 'Item 2.request.json', saved('Item 2'))
    put(root, 'alpha.request.json', saved('alpha', { method: 'POST', url: 'https://a.test' }))
    put(root, 'Zed/z.request.json', saved('z'))
    put(root, 'beta/Folder 10/x.request.json', saved('x'))
    put(root, 'beta/Folder 9/.keep', '')
    mkdirSync(join(root, 'Empty'))

    const { tree, problems } = await scanTree(root)
    expect(problems).toEqual([])
    expect(paths(tree)).toEqual([
      'beta',
      'beta/Folder 9',
      'beta/Folder 10',
      'beta/Folder 10/x.request.json',
      'Empty',
      'Zed',
      'Zed/z.request.json',
      'alpha.request.json',
      'Item 2.request.json',
      'item 10.request.json',
    ])
    expect(tree.find((n) => n.path === 'alpha.request.json')).toEqual({
      kind: 'request',
      path: 'alpha.request.json',
      name: 'alpha',
      method: 'POST',
      url: 'https://a.test',
    })
  })

  it("shows a request's name field, not its file name", async () => {
    const root = tempDir()
    put(root, 'get_user.request.json', saved('Get user: by id?'))
    const { tree } = await scanTree(root)
    expect(tree[0]).toMatchObject({ name: 'Get user: by id?', path: 'get_user.request.json' })
  })

  it('ignores environments/, .courier-local/, dotfiles, folder.json and other files', async () => {
    const root = tempDir()
    put(root, 'courier.json', '{"schemaVersion":1,"name":"W"}')
    put(root, 'environments/dev.env.json', '{"schemaVersion":1,"name":"dev"}')
    put(root, '.courier-local/state.json', '{}')
    put(root, '.git/HEAD', 'ref: refs/heads/main')
    put(root, '.hidden.request.json', saved('hidden'))
    put(root, 'README.md', '# notes')
    put(root, 'Users/folder.json', '{"schemaVersion":1}')
    put(root, 'Users/notes.txt', 'x')
    put(root, 'Users/.Get.request.json.1234.tmp', '{')
    put(root, 'Users/Get.request.json', saved('Get'))
    const { tree, problems } = await scanTree(root)
    expect(problems).toEqual([])
    expect(paths(tree)).toEqual(['Users', 'Users/Get.request.json'])
  })

  it("reads a folder's defaults from its folder.json", async () => {
    const root = tempDir()
    put(
      root,
      'Users/folder.json',
      JSON.stringify({
        schemaVersion: 1,
        defaults: {
          headers: [{ key: 'X-Team', value: 'qa' }],
          auth: { type: 'bearer', token: 't' },
        },
      }),
    )
    const { tree } = await scanTree(root)
    expect(tree[0]).toMatchObject({
      kind: 'folder',
      defaults: {
        headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
        auth: { type: 'bearer', token: 't' },
        variables: [],
      },
    })
  })

  it('reports corrupt files by name and opens the rest', async () => {
    const root = tempDir()
    put(root, 'Users/Get user.request.json', '{\n  "name": "Get user",\n  "method": \n}\n')
    put(
      root,
      'Users/Bad type.request.json',
      saved('Bad type').replace('"type": "none"', '"type": "xml"'),
    )
    put(root, 'Users/Fine.request.json', saved('Fine'))
    put(root, 'Users/folder.json', '{ nope')
    put(root, 'Other.request.json', saved('Other'))

    const { tree, problems } = await scanTree(root)
    expect(paths(tree)).toEqual(['Users', 'Users/Fine.request.json', 'Other.request.json'])
    expect(problems.map((p) => p.path)).toEqual([
      'Users/Bad type.request.json',
      'Users/folder.json',
      'Users/Get user.request.json',
    ])
    const [badType, folder, broken] = problems.map((p) => p.message)
    expect(broken).toMatch(/^Users\/Get user\.request\.json: line 4, column 1: expected a value/)
    expect(badType).toMatch(/^Users\/Bad type\.request\.json: field body\.type: /)
    expect(folder).toMatch(/^Users\/folder\.json: line 1/)
  })
})

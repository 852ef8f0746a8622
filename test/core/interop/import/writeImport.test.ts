import { describe, expect, it } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import { writeImport } from '../../../../electron/core/interop/import/writeImport'
import { harness, paths, tempDir } from '../../workspace/helpers'
import { fixture } from './fixtures'

describe('writeImport', () => {
  it('writes the collection as a folder tree with its defaults', async () => {
    const { service } = harness()
    await service.create(tempDir(), 'Team')
    const result = await importText(fixture('postman-v21.collection.json'))
    const report = await writeImport(service, result, '', { holdBackCredentials: false })
    expect(report).toMatchObject({
      format: 'postman-collection v2.1',
      folder: 'Shop API',
      requests: 9,
      folders: 3,
      environments: 0,
    })
    expect(report.notes).toEqual(result.notes)
    const snapshot = await service.snapshot()
    expect(paths(snapshot.tree)).toContain('Shop API/Users/Admin/Create user.request.json')
    const users = snapshot.tree[0]!.kind === 'folder' ? snapshot.tree[0]!.children : []
    const usersFolder = users.find((n) => n.name === 'Users')
    expect(usersFolder?.kind === 'folder' && usersFolder.defaults.auth).toEqual({
      type: 'basic',
      username: 'admin',
      password: '{{admin_password}}',
    })
    const saved = await service.readRequest('Shop API/Upload avatar.request.json')
    expect(saved.body).toMatchObject({ type: 'multipart' })

    // A second import of the same collection gets a numbered folder from the workspace.
    const again = await writeImport(service, result, '', { holdBackCredentials: false })
    expect(again.folder).not.toBe('Shop API')
    await service.close()
  })

  it('writes environments, renaming one whose name is taken', async () => {
    const { service } = harness()
    await service.create(tempDir(), 'Team')
    await service.saveEnvironment(null, { schemaVersion: 1, name: 'Staging', variables: [] })
    const report = await writeImport(
      service,
      await importText(fixture('postman.environment.json')),
      '',
      { holdBackCredentials: false },
    )
    expect(report).toMatchObject({ requests: 0, folders: 0, environments: 1, folder: '' })
    expect(report.notes).toContain(
      'The environment "Staging" already exists; the imported one is "Staging (imported)".',
    )
    const names = (await service.snapshot()).environments.map((e) => e.name).sort()
    expect(names).toEqual(['Staging', 'Staging (imported)'])
    await service.close()
  })

  it('writes an OpenAPI import with its server environments', async () => {
    const { service } = harness()
    await service.create(tempDir(), 'Team')
    const report = await writeImport(service, await importText(fixture('openapi-3.0.yaml')), '', {
      holdBackCredentials: false,
    })
    expect(report).toMatchObject({ requests: 6, folders: 2, environments: 2 })
    const env = (await service.snapshot()).environments.find((e) => e.name === 'Todo API Local')
    expect(env?.variables[0]).toMatchObject({ name: 'base_url', value: 'http://localhost:8080/v1' })
    await service.close()
  })
})

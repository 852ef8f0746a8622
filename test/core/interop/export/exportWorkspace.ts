import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore'
import { createMemoryStore } from '../../../../electron/core/storage/keyValueStore'
import { WorkspaceService } from '../../../../electron/core/workspace/workspaceService'
import { SavedRequestSchema, type SavedRequest } from '../../../../shared/model/workspace'

export const SECRET_VALUE = 'var-secret-value-4711'
export const LITERAL_TOKEN = 'literal-bearer-token-0815'
export const LITERAL_PASSWORD = 'literal-basic-password-99'

const row = (key: string, value: string, enabled = true) => ({ key, value, enabled })

export function newService(): WorkspaceService {
  return new WorkspaceService({
    dataDir: mkdtempSync(join(tmpdir(), 'courier-data-')),
    store: createMemoryStore(),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
}

/**
 * A workspace "Shop" with folder API (auth Bearer {{token}}, a secret variable, a header)
 * holding Users (its own literal Bearer token) and requests of every body type.
 */
export async function createExportWorkspace(): Promise<{ service: WorkspaceService; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'courier-export-'))
  const file = join(dir, 'avatar.png')
  writeFileSync(file, 'png')
  const service = newService()
  await service.create(join(dir, 'ws'), 'Shop')
  await service.saveDefaults('', {
    headers: [row('X-Client', 'courier-tests')],
    auth: { type: 'inherit' },
    variables: [{ name: 'base', value: 'https://api.example.com', enabled: true, secret: false }],
  })
  const api = await service.createFolder('', 'API')
  await service.saveDefaults(api, {
    headers: [row('X-Team', 'qa')],
    auth: { type: 'bearer', token: '{{token}}' },
    variables: [
      { name: 'token', value: SECRET_VALUE, enabled: true, secret: true },
      { name: 'version', value: 'v2', enabled: true, secret: false },
    ],
  })
  const users = await service.createFolder(api, 'Users')
  await service.saveDefaults(users, {
    headers: [],
    auth: { type: 'bearer', token: LITERAL_TOKEN },
    variables: [],
  })
  const save = (folder: string, request: Partial<SavedRequest> & { name: string }) =>
    service.saveRequest(
      null,
      folder,
      SavedRequestSchema.parse({ method: 'GET', url: '', ...request }),
    )
  await save(users, {
    name: 'Update user',
    method: 'PUT',
    url: '{{base}}/{{version}}/users/7',
    params: [row('notify', 'yes'), row('debug', 'true', false)],
    headers: [row('X-Request-Id', 'r-1')],
    auth: { type: 'inherit' },
    body: { type: 'json', text: '{\n  "name": "Jane"\n}' },
  })
  await save(users, {
    name: 'Search users',
    url: '{{base}}/users?sort=name',
    params: [row('q', 'jane doe')],
    auth: { type: 'inherit' },
  })
  await save(api, {
    name: 'Login form',
    method: 'POST',
    url: '{{base}}/login',
    body: { type: 'form', fields: [row('user', 'jane'), row('remember', 'on')] },
    auth: { type: 'basic', username: 'jane', password: LITERAL_PASSWORD },
  })
  await save(api, {
    name: 'Upload avatar',
    method: 'POST',
    url: '{{base}}/avatar',
    body: {
      type: 'multipart',
      parts: [
        { kind: 'text', key: 'title', value: 'me', enabled: true },
        { kind: 'file', key: 'file', path: file, enabled: true, contentType: 'image/png' },
      ],
    },
  })
  await save(api, {
    name: 'Patch XML',
    method: 'PATCH',
    url: '{{base}}/doc',
    body: { type: 'raw', text: '<doc/>', contentType: 'application/xml' },
    auth: { type: 'none' },
  })
  await save(api, {
    name: 'Key in query',
    url: '{{base}}/keyed',
    auth: { type: 'apikey', key: 'api_key', value: '{{token}}', in: 'query' },
  })
  return { service, dir }
}

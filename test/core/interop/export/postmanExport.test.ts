import { Collection } from 'postman-collection'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportHar } from '../../../../electron/core/interop/export/harExport'
import {
  exportPostman,
  POSTMAN_SCHEMA,
} from '../../../../electron/core/interop/export/postmanExport'
import type { WorkspaceService } from '../../../../electron/core/workspace/workspaceService'
import {
  createExportWorkspace,
  LITERAL_PASSWORD,
  LITERAL_TOKEN,
  SECRET_VALUE,
} from './exportWorkspace'

let service: WorkspaceService

beforeAll(async () => {
  service = (await createExportWorkspace()).service
})
afterAll(async () => {
  await service?.close()
})

type Item = { name: string; item?: Item[]; request?: Record<string, unknown>; auth?: unknown }

describe('exportPostman', () => {
  it('writes a v2.1 collection the Postman SDK loads, with nested folders and every body', async () => {
    const text = await exportPostman(service, '')
    const json = JSON.parse(text) as { info: { name: string; schema: string }; item: Item[] }
    expect(json.info).toEqual({ name: 'Shop', schema: POSTMAN_SCHEMA })
    const collection = new Collection(JSON.parse(text)) as unknown as {
      forEachItem(each: (item: { name: string }) => void): void
    }
    const names: string[] = []
    collection.forEachItem((item) => names.push(item.name))
    expect(names.sort()).toEqual(
      [
        'Key in query',
        'Login form',
        'Patch XML',
        'Search users',
        'Update user',
        'Upload avatar',
      ].sort(),
    )
    const api = json.item.find((i) => i.name === 'API')!
    expect(api.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{token}}', type: 'string' }],
    })
    const users = api.item!.find((i) => i.name === 'Users')!
    const update = users.item!.find((i) => i.name === 'Update user')!.request!
    expect(update.method).toBe('PUT')
    expect(update.body).toEqual({
      mode: 'raw',
      raw: '{\n  "name": "Jane"\n}',
      options: { raw: { language: 'json' } },
    })
    expect(update.header).toEqual([
      { key: 'X-Client', value: 'courier-tests' },
      { key: 'X-Team', value: 'qa' },
      { key: 'X-Request-Id', value: 'r-1' },
    ])
    const url = update.url as { raw: string; query: unknown[] }
    expect(url.raw).toBe('{{base}}/{{version}}/users/7?notify=yes')
    expect(url.query).toEqual([
      { key: 'notify', value: 'yes' },
      { key: 'debug', value: 'true', disabled: true },
    ])
    const byName = (name: string) => api.item!.find((i) => i.name === name)!.request!
    expect(byName('Login form').body).toMatchObject({ mode: 'urlencoded' })
    expect(byName('Upload avatar').body).toMatchObject({
      mode: 'formdata',
      formdata: [
        { key: 'title', value: 'me', type: 'text' },
        { key: 'file', type: 'file', contentType: 'image/png' },
      ],
    })
    expect(byName('Patch XML').auth).toEqual({ type: 'noauth' })
    expect(byName('Patch XML').header).toContainEqual({
      key: 'Content-Type',
      value: 'application/xml',
    })
  })

  it('leaves secret variable values and literal credentials out', async () => {
    const text = await exportPostman(service, '')
    for (const secret of [SECRET_VALUE, LITERAL_TOKEN, LITERAL_PASSWORD])
      expect(text).not.toContain(secret)
    const json = JSON.parse(text) as { item: Item[] }
    const api = json.item.find((i) => i.name === 'API') as Item & { variable: unknown[] }
    expect(api.variable).toContainEqual({ key: 'token', value: '', type: 'string' })
    expect(api.variable).toContainEqual({ key: 'version', value: 'v2', type: 'string' })
  })

  it('exports one folder, its ancestors defaults on the collection', async () => {
    const json = JSON.parse(await exportPostman(service, 'API/Users')) as {
      info: { name: string }
      auth: unknown
      variable: { key: string }[]
    }
    expect(json.info.name).toBe('Users')
    expect(json.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '', type: 'string' }],
    })
    expect(json.variable.map((v) => v.key)).toEqual(['base', 'token', 'version'])
    await expect(exportPostman(service, 'Nope')).rejects.toThrow(/No folder "Nope"/)
  })
})

describe('exportHar', () => {
  it('writes a HAR 1.2 log with one entry per request, as sent, secrets left out', async () => {
    const text = await exportHar(service, '')
    for (const secret of [SECRET_VALUE, LITERAL_TOKEN, LITERAL_PASSWORD])
      expect(text).not.toContain(secret)
    const har = JSON.parse(text) as {
      log: {
        version: string
        creator: { name: string }
        entries: { request: Record<string, unknown> }[]
      }
    }
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator.name).toBe('Courier')
    expect(har.log.entries).toHaveLength(6)
    const update = har.log.entries.find((e) => e.request.method === 'PUT')!.request
    expect(update.url).toBe('https://api.example.com/v2/users/7?notify=yes')
    expect(update.queryString).toEqual([{ name: 'notify', value: 'yes' }])
    expect(update.headers).toContainEqual({ name: 'X-Team', value: 'qa' })
    expect(update.headers).toContainEqual({ name: 'Authorization', value: 'Bearer ' })
    expect(update.postData).toEqual({
      mimeType: 'application/json',
      text: '{\n  "name": "Jane"\n}',
    })
    const keyed = har.log.entries.find((e) => String(e.request.url).includes('keyed'))!.request
    // A secret variable stays a placeholder.
    expect(keyed.url).toBe('https://api.example.com/keyed?api_key={{token}}')
  })
})

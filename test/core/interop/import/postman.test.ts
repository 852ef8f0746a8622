import { describe, expect, it } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import { fixture, requestAt } from './fixtures'

describe('Postman collection v2.1', async () => {
  const result = await importText(fixture('postman-v21.collection.json'))
  const { root } = result

  it('keeps the collection name, folders, auth and variables', () => {
    expect(result.format).toBe('postman-collection v2.1')
    expect(root.name).toBe('Shop API')
    expect(root.folders.map((f) => f.name)).toEqual(['Users'])
    expect(root.folders[0]!.folders.map((f) => f.name)).toEqual(['Admin'])
    expect(root.defaults).toEqual({
      headers: [],
      auth: { type: 'bearer', token: '{{token}}' },
      variables: [
        { name: 'base_url', value: 'https://shop.test/api', enabled: true, secret: false },
        { name: 'page_size', value: '20', enabled: false, secret: false },
      ],
      scripts: { preRequest: "console.log('hi')", postResponse: '' },
    })
    expect(root.folders[0]!.defaults).toEqual({
      headers: [],
      auth: { type: 'basic', username: 'admin', password: '{{admin_password}}' },
      variables: [{ name: 'user_id', value: '42', enabled: true, secret: false }],
    })
  })

  it('keeps params and headers, disabled ones included', () => {
    const list = requestAt(root, 'Users/List users')
    expect(list).toMatchObject({
      method: 'GET',
      url: '{{base_url}}/users',
      params: [
        { key: 'page', value: '1', enabled: true },
        { key: 'sort', value: 'name', enabled: false },
      ],
      headers: [
        { key: 'Accept', value: 'application/json', enabled: true },
        { key: 'X-Debug', value: '1', enabled: false },
      ],
      auth: { type: 'inherit' },
      body: { type: 'none' },
    })
  })

  it('maps every body mode', () => {
    expect(requestAt(root, 'Users/Admin/Create user').body).toEqual({
      type: 'json',
      text: '{\n  "name": "{{name}}"\n}',
    })
    expect(requestAt(root, 'Upload XML').body).toEqual({
      type: 'raw',
      text: '<order id="1"/>',
      contentType: 'application/xml',
    })
    expect(requestAt(root, 'Login form').body).toEqual({
      type: 'form',
      fields: [
        { key: 'user', value: 'alice', enabled: true },
        { key: 'remember', value: 'yes', enabled: false },
      ],
    })
    expect(requestAt(root, 'Upload avatar').body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'text', key: 'caption', value: 'Me', enabled: true, contentType: undefined },
        {
          kind: 'file',
          key: 'avatar',
          path: '/home/tester/avatar.png',
          enabled: true,
          contentType: 'image/png',
        },
      ],
    })
    expect(requestAt(root, 'Upload file').body).toEqual({
      type: 'binary',
      path: '/home/tester/data.bin',
    })
    const gql = requestAt(root, 'GraphQL query').body
    expect(gql.type).toBe('json')
    expect(JSON.parse((gql as { text: string }).text)).toEqual({
      query: '{ me { id } }',
      variables: { a: 1 },
    })
    expect(requestAt(root, 'Ping')).toMatchObject({ method: 'HEAD', body: { type: 'none' } })
  })

  it('maps auth types and notes the unsupported ones', () => {
    expect(requestAt(root, 'Upload XML').auth).toEqual({
      type: 'apikey',
      key: 'X-API-Key',
      value: '{{api_key}}',
      in: 'header',
    })
    expect(requestAt(root, 'Upload avatar').auth).toMatchObject({ type: 'apikey', in: 'query' })
    expect(requestAt(root, 'Login form').auth).toEqual({ type: 'none' })
    // Postman's default grant; the token the collection kept is left behind.
    expect(requestAt(root, 'OAuth call').auth).toMatchObject({
      type: 'oauth2',
      grant: 'authorization_code',
    })
    expect(JSON.stringify(requestAt(root, 'OAuth call'))).not.toContain('xyz')
  })

  it('keeps pre-request and test scripts at collection, folder and request level', () => {
    expect(root.defaults?.scripts).toEqual({ preRequest: "console.log('hi')", postResponse: '' })
    expect(requestAt(root, 'Users/Admin/Create user').scripts).toEqual({
      preRequest: '',
      postResponse: "pm.test('ok')",
    })
    expect(requestAt(root, 'Users/List users').scripts).toBeUndefined()
    expect(result.notes.join('\n')).not.toMatch(/ script|scripts /)
  })

  it('lists descriptions, files and graphql in the notes', () => {
    const notes = result.notes.join('\n')
    expect(notes).toContain(`Collection "Shop API": its description was not carried over`)
    expect(notes).toContain('Folder "Users": its description')
    expect(notes).toContain('Request "Users/List users": its description')
    expect(notes).toContain('"/home/tester/avatar.png"')
    expect(notes).toContain('"/home/tester/data.bin"')
    expect(notes).toContain('GraphQL body became a JSON body')
  })
})

describe('Postman collection v2.0', () => {
  it('reads v2.0 auth objects, string URLs and URL objects', async () => {
    const result = await importText(fixture('postman-v20.collection.json'))
    expect(result.format).toBe('postman-collection v2.0')
    expect(result.root.defaults?.auth).toEqual({
      type: 'basic',
      username: 'legacy',
      password: 'pw',
    })
    expect(requestAt(result.root, 'Things/Get thing')).toMatchObject({
      url: 'https://legacy.test/things/1',
      params: [{ key: 'full', value: 'true', enabled: true }],
      headers: [{ key: 'Accept', value: 'application/json', enabled: true }],
    })
    expect(requestAt(result.root, 'Things/Bearer thing')).toMatchObject({
      method: 'POST',
      url: 'https://legacy.test/things',
      params: [{ key: 'q', value: 'a b', enabled: false }],
      auth: { type: 'bearer', token: 't0k' },
      body: { type: 'raw', text: 'plain text', contentType: 'text/plain' },
    })
  })
})

describe('Postman requests in their short forms', () => {
  it('reads a request given as a URL, a header block, no method and a lower-case one', async () => {
    const collection = {
      info: {
        name: 'Short forms',
        schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json',
      },
      item: [
        { name: 'Bare URL', request: 'https://short.test/a?x=1&y' },
        {
          name: 'Header block',
          request: {
            url: 'https://short.test/b',
            header: 'Accept: application/json\nX-Trace: t-1',
          },
        },
        { name: 'Lower case', request: { method: 'patch', url: 'https://short.test/c' } },
        { name: 'Null method', request: { method: null, url: 'https://short.test/d#top' } },
      ],
    }
    const { root } = await importText(JSON.stringify(collection))
    expect(requestAt(root, 'Bare URL')).toMatchObject({
      method: 'GET',
      url: 'https://short.test/a',
      params: [
        { key: 'x', value: '1', enabled: true },
        { key: 'y', value: '', enabled: true },
      ],
      headers: [],
    })
    expect(requestAt(root, 'Header block').headers).toEqual([
      { key: 'Accept', value: 'application/json', enabled: true },
      { key: 'X-Trace', value: 't-1', enabled: true },
    ])
    expect(requestAt(root, 'Lower case').method).toBe('PATCH')
    expect(requestAt(root, 'Null method')).toMatchObject({
      method: 'GET',
      url: 'https://short.test/d#top',
    })
  })
})

describe('Postman path variables', () => {
  it("writes each one's value into the URL, as Postman sends it; one without a value stays as written, with a note", async () => {
    const collection = {
      info: {
        name: 'Path variables',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Order line',
          request: {
            url: {
              raw: '{{base}}/orders/:order/lines/:line.json?full=1',
              host: ['{{base}}'],
              path: ['orders', ':order', 'lines', ':line.json'],
              query: [{ key: 'full', value: '1' }],
              variable: [
                { key: 'order', value: '{{orderId}}' },
                { key: 'line', value: '3' },
              ],
            },
          },
        },
        {
          name: 'Unset',
          request: {
            url: {
              raw: '{{base}}/users/:id',
              host: ['{{base}}'],
              path: ['users', ':id'],
              variable: [{ key: 'id', value: '' }],
            },
          },
        },
      ],
    }
    const { root, notes } = await importText(JSON.stringify(collection))
    expect(requestAt(root, 'Order line')).toMatchObject({
      url: '{{base}}/orders/{{orderId}}/lines/3.json',
      params: [{ key: 'full', value: '1', enabled: true }],
    })
    expect(requestAt(root, 'Unset').url).toBe('{{base}}/users/:id')
    expect(notes).toEqual([
      `Request "Order line": its path variables' values were written into its path (/orders/{{orderId}}/lines/3.json).`,
      'Request "Unset": its path variable :id has no value: left in the URL as written, as Postman sends it. Give the value in the URL.',
    ])
  })
})

describe('Postman environments and globals', () => {
  it('imports an environment; a secret keeps its name, not its value', async () => {
    const result = await importText(fixture('postman.environment.json'))
    expect(result.format).toBe('postman-environment')
    expect(result.environments).toEqual([
      {
        schemaVersion: 1,
        name: 'Staging',
        variables: [
          {
            name: 'base_url',
            value: 'https://staging.shop.test/api',
            enabled: true,
            secret: false,
          },
          { name: 'token', value: '', enabled: true, secret: true },
          { name: 'old', value: 'x', enabled: false, secret: false },
        ],
      },
    ])
    expect(JSON.stringify(result)).not.toContain('s3cr3t-value')
    expect(result.notes.join('\n')).toContain('the secret "token" was imported without its value')
  })

  it('imports globals as an environment, with a note', async () => {
    const result = await importText(fixture('postman.globals.json'))
    expect(result.format).toBe('postman-globals')
    expect(result.environments[0]!.name).toBe('My Workspace Globals')
    expect(result.environments[0]!.variables).toEqual([
      { name: 'tenant', value: 'acme', enabled: true, secret: false },
      { name: 'admin_password', value: '', enabled: true, secret: true },
    ])
    expect(JSON.stringify(result)).not.toContain('hunter2')
    expect(result.notes[0]).toContain('Postman globals became the environment')
  })
})

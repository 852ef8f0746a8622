import { describe, expect, it } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import { allRequests, fixture, requestAt } from './fixtures'

describe('Insomnia v4', () => {
  it('reads workspace, folders, requests and environments from JSON', async () => {
    const result = await importText(fixture('insomnia-v4.json'))
    expect(result.format).toBe('insomnia v4')
    expect(result.root.name).toBe('Pet Store')
    expect(result.root.defaults?.variables).toEqual([
      { name: 'base_url', value: 'https://pets.test', enabled: true, secret: false },
    ])
    expect(result.root.folders[0]!.defaults?.variables).toEqual([
      { name: 'species', value: 'cat', enabled: true, secret: false },
    ])
    expect(requestAt(result.root, 'Pets/List pets')).toMatchObject({
      method: 'GET',
      url: '{{base_url}}/pets',
      params: [
        { key: 'limit', value: '10', enabled: true },
        { key: 'offset', value: '0', enabled: false },
      ],
      auth: { type: 'bearer', token: '{{token}}' },
      settings: { followRedirects: false },
    })
    expect(requestAt(result.root, 'Pets/Create pet')).toMatchObject({
      body: { type: 'json', text: '{"name": "{{species}}"}' },
      auth: { type: 'basic', username: 'admin', password: 'pw' },
    })
    expect(requestAt(result.root, 'Upload photo')).toMatchObject({
      body: {
        type: 'multipart',
        parts: [
          { kind: 'text', key: 'caption', value: 'cute', enabled: true },
          { kind: 'file', key: 'photo', path: '/tmp/cat.jpg', enabled: true },
        ],
      },
      auth: { type: 'apikey', key: 'api_key', value: 'k', in: 'query' },
    })
    expect(requestAt(result.root, 'Login').body).toEqual({
      type: 'form',
      fields: [{ key: 'user', value: 'bob', enabled: true }],
    })
    // The template tag stays inert text, and the report says so.
    expect(requestAt(result.root, 'Chained').headers[0]!.value).toBe(
      "{% response 'body', 'req_1', '$.token' %}",
    )
    expect(result.environments).toEqual([
      {
        schemaVersion: 1,
        name: 'Production',
        variables: [
          { name: 'base_url', value: 'https://pets.example.com', enabled: true, secret: false },
          { name: 'limits', value: '{"max":5}', enabled: true, secret: false },
        ],
      },
    ])
    const notes = result.notes.join('\n')
    expect(requestAt(result.root, 'Login').auth).toMatchObject({
      type: 'oauth2',
      grant: 'client_credentials',
    })
    expect(notes).toContain('template tag')
    expect(notes).toContain('cookie jars')
  })

  it('reads the same format from YAML', async () => {
    const result = await importText(fixture('insomnia-v4.yaml'), { fileName: 'insomnia-v4.yaml' })
    expect(result.format).toBe('insomnia v4')
    expect(result.root.name).toBe('YAML Workspace')
    expect(result.root.requests[0]).toMatchObject({
      name: 'Get status',
      url: 'https://status.test/health',
      headers: [{ key: 'Accept', value: 'text/plain', enabled: true }],
      body: { type: 'raw', text: 'ping', contentType: 'text/plain' },
    })
  })
})

describe('HAR 1.2', () => {
  it('imports one request per entry, URL as recorded', async () => {
    const result = await importText(fixture('sample.har'), { fileName: 'sample.har' })
    expect(result.format).toBe('har 1.2')
    expect(result.root.name).toBe('sample')
    expect(result.root.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://har.test/items?page=2',
      'POST https://har.test/items',
      'POST https://har.test/login',
    ])
    expect(result.root.requests[0]!.headers).toEqual([
      { key: 'Accept', value: 'application/json', enabled: true },
      { key: 'Cookie', value: 'sid=1', enabled: true },
    ])
    expect(result.root.requests[1]!.body).toEqual({ type: 'json', text: '{"name":"a"}' })
    expect(result.root.requests[2]!.body).toEqual({
      type: 'form',
      fields: [{ key: 'user', value: 'al', enabled: true }],
    })
    expect(result.notes.join('\n')).toContain('2 computed headers')
  })
})

describe('OpenAPI 3.0 (YAML)', async () => {
  const result = await importText(fixture('openapi-3.0.yaml'))

  it('makes one request per operation, folders by tag', () => {
    expect(result.format).toBe('openapi 3.0.3')
    expect(result.root.name).toBe('Todo API')
    expect(result.root.folders.map((f) => f.name)).toEqual(['todos'])
    expect(allRequests(result.root).map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST {{base_url}}/login',
      'POST {{base_url}}/attachments',
      'GET {{base_url}}/todos',
      'POST {{base_url}}/todos',
      'PUT {{base_url}}/todos/{{id}}',
      'DELETE {{base_url}}/todos/{{id}}',
    ])
  })

  it('fills params, headers and path variables from schemas and examples', () => {
    expect(requestAt(result.root, 'todos/List todos')).toMatchObject({
      params: [
        { key: 'limit', value: '1', enabled: true },
        { key: 'done', value: 'true', enabled: false },
      ],
      headers: [{ key: 'X-Request-Id', value: '00000000-0000-4000-8000-000000000000' }],
    })
    expect(requestAt(result.root, 'todos/replaceTodo').variables).toEqual([
      { name: 'id', value: '7', enabled: true, secret: false },
    ])
  })

  it('builds example bodies from examples and from (circular) schemas', () => {
    const create = requestAt(result.root, 'todos/Create todo').body as { text: string }
    expect(JSON.parse(create.text)).toEqual({
      title: 'string',
      done: false,
      due: '2024-01-01T00:00:00Z',
      tags: ['home'],
      parent: null,
    })
    const replace = requestAt(result.root, 'todos/replaceTodo').body as { text: string }
    expect(JSON.parse(replace.text)).toEqual({ title: 'Buy milk', done: false })
    expect(requestAt(result.root, 'Log in').body).toEqual({
      type: 'form',
      fields: [
        { key: 'user', value: 'alice', enabled: true },
        { key: 'remember', value: 'true', enabled: true },
      ],
    })
    expect(requestAt(result.root, 'Upload attachment').body).toMatchObject({
      type: 'multipart',
      parts: [
        { kind: 'text', key: 'note' },
        { kind: 'file', key: 'file', path: '' },
      ],
    })
  })

  it('turns security schemes into auth, oauth2 included', () => {
    expect(result.root.defaults?.auth).toEqual({ type: 'bearer', token: '{{token}}' })
    expect(requestAt(result.root, 'todos/Delete todo').auth).toEqual({ type: 'none' })
    expect(requestAt(result.root, 'Log in').auth).toEqual({
      type: 'basic',
      username: '{{username}}',
      password: '{{password}}',
    })
    expect(requestAt(result.root, 'Upload attachment').auth).toMatchObject({
      type: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: 'https://auth.todo.test/token',
      clientId: '{{oauth2_client_id}}',
      clientSecret: '{{oauth2_client_secret}}',
      scope: 'write',
    })
    expect(result.notes.join('\n')).not.toContain('not supported')
  })

  it('turns servers and server variables into environments', () => {
    expect(result.environments.map((e) => e.name)).toEqual([
      'Todo API Production',
      'Todo API Local',
    ])
    expect(result.environments[0]!.variables.slice(0, 3)).toEqual([
      {
        name: 'base_url',
        value: 'https://{{region}}.todo.test/{{basePath}}',
        enabled: true,
        secret: false,
      },
      { name: 'region', value: 'eu', enabled: true, secret: false },
      { name: 'basePath', value: 'v1', enabled: true, secret: false },
    ])
    expect(result.environments[0]!.variables.filter((v) => v.secret).map((v) => v.name)).toEqual([
      'token',
      'username',
      'password',
      'oauth2_client_secret',
    ])
  })
})

describe('OpenAPI 3.1 (JSON)', () => {
  it('reads schema examples, media examples, cookies, apiKey schemes; notes openIdConnect', async () => {
    const result = await importText(fixture('openapi-3.1.json'))
    expect(result.format).toBe('openapi 3.1.0')
    expect(requestAt(result.root, 'Forecast')).toMatchObject({
      params: [{ key: 'city', value: 'Paris', enabled: true }],
      headers: [{ key: 'Cookie', value: 'session=abc', enabled: true }],
      auth: { type: 'apikey', key: 'appid', value: '{{api_key}}', in: 'query' },
    })
    const alert = requestAt(result.root, 'Create alert')
    expect(alert.auth).toEqual({
      type: 'apikey',
      key: 'X-API-Key',
      value: '{{api_key}}',
      in: 'header',
    })
    expect(JSON.parse((alert.body as { text: string }).text)).toEqual({ kind: 'storm', level: 3 })
    expect(requestAt(result.root, 'OIDC only').auth).toEqual({ type: 'none' })
    expect(result.notes.join('\n')).toContain('oidc (openIdConnect) is not supported')
    expect(result.environments[0]!.variables[0]).toEqual({
      name: 'base_url',
      value: 'https://weather.test/api',
      enabled: true,
      secret: false,
    })
  })
})

describe('Swagger 2.0 (JSON)', () => {
  it('reads body and formData parameters, host/basePath and securityDefinitions', async () => {
    const result = await importText(fixture('swagger-2.0.json'))
    expect(result.format).toBe('swagger 2.0')
    expect(result.root.defaults?.auth).toEqual({
      type: 'apikey',
      key: 'api_key',
      value: '{{api_key}}',
      in: 'header',
    })
    const add = requestAt(result.root, 'pet/Add a pet')
    expect(JSON.parse((add.body as { text: string }).text)).toEqual({
      id: 0,
      name: 'doggie',
      status: 'available',
    })
    expect(requestAt(result.root, 'pet/Upload an image')).toMatchObject({
      url: '{{base_url}}/pet/{{petId}}/uploadImage',
      body: {
        type: 'multipart',
        parts: [
          { kind: 'text', key: 'additionalMetadata' },
          { kind: 'file', key: 'file', path: '' },
        ],
      },
      auth: { type: 'basic' },
      variables: [{ name: 'petId', value: '0' }],
    })
    expect(requestAt(result.root, 'pet/Find by status').params).toEqual([
      { key: 'status', value: 'available', enabled: true },
    ])
    expect(result.environments[0]!.variables[0]!.value).toBe('https://petstore.test/v2')
    // Its implicit flow maps onto the authorization code grant (see openapiOAuth2.test.ts).
    expect(result.notes.join('\n')).not.toContain('petstore_auth (oauth2) is not supported')
  })
})

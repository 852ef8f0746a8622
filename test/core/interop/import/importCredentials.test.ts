import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { holdBackCredentials } from '../../../../electron/core/interop/import/importCredentials'
import { importText } from '../../../../electron/core/interop/import/importText'
import type { ImportedFolder } from '../../../../electron/core/interop/interopTypes'

// Where the secret store would forget a credential (the CLI, browser mode, no keyring),
// an import holds literal credentials back as {{variables}} and names each one.

const requestsOf = (folder: ImportedFolder): ImportedFolder['requests'] => [
  ...folder.requests,
  ...folder.folders.flatMap(requestsOf),
]

const postman = JSON.stringify({
  info: {
    name: 'Vault',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  auth: {
    type: 'basic',
    basic: [
      { key: 'username', value: 'admin' },
      { key: 'password', value: 'pa55' },
    ],
  },
  item: [
    { name: 'Inherits', request: { method: 'GET', url: 'http://h/a' } },
    {
      name: 'Same password',
      request: {
        method: 'GET',
        url: 'http://h/b',
        auth: {
          type: 'basic',
          basic: [
            { key: 'username', value: 'other' },
            { key: 'password', value: 'pa55' },
          ],
        },
      },
    },
    {
      name: 'Bearer',
      request: {
        method: 'GET',
        url: 'http://h/c',
        auth: { type: 'bearer', bearer: [{ key: 'token', value: 'tok-1' }] },
      },
    },
    {
      name: 'Key',
      request: {
        method: 'GET',
        url: 'http://h/d',
        auth: {
          type: 'apikey',
          apikey: [
            { key: 'key', value: 'X-Key' },
            { key: 'value', value: 'k-9' },
          ],
        },
      },
    },
    {
      name: 'Shared',
      request: {
        method: 'GET',
        url: 'http://h/e',
        auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
      },
    },
  ],
})

describe('holdBackCredentials', () => {
  it('turns Postman basic, bearer and API key credentials into variables and names each', async () => {
    const { result, heldBack, notes } = holdBackCredentials(await importText(postman))
    const text = JSON.stringify(result)
    for (const secret of ['pa55', 'tok-1', 'k-9']) expect(text).not.toContain(secret)
    expect(result.root.defaults?.auth).toEqual({
      type: 'basic',
      username: 'admin',
      password: '{{basic_password}}',
    })
    const byName = Object.fromEntries(requestsOf(result.root).map((r) => [r.name, r.auth]))
    // The same password in two places is one variable to provide.
    expect(byName['Same password']).toMatchObject({ password: '{{basic_password}}' })
    expect(byName.Bearer).toEqual({ type: 'bearer', token: '{{bearer_token}}' })
    expect(byName.Key).toMatchObject({ key: 'X-Key', value: '{{api_key}}' })
    // A credential that is already a reference holds no secret: left as it is.
    expect(byName.Shared).toEqual({ type: 'bearer', token: '{{token}}' })
    expect(heldBack.map((h) => [h.field, h.variable, h.places])).toEqual([
      ['Basic auth password', 'basic_password', ['Vault', 'Vault/Same password']],
      ['Bearer token', 'bearer_token', ['Vault/Bearer']],
      ['API key value', 'api_key', ['Vault/Key']],
    ])
    expect(notes[0]).toBe(
      'The Basic auth password of "Vault" and 1 more was held back, not written to disk: it now reads {{basic_password}}. Provide it with COURIER_VAR_basic_password=… or a --secrets file ({"basic_password": "…"}) on the command line, or as a secret variable "basic_password" of an environment in the app.',
    )
  })

  it('covers curl -u, Insomnia auth and HAR Authorization headers, numbering distinct values', async () => {
    const curl = holdBackCredentials(await importText('curl -u alice:wonder https://h.test/x'))
    expect(requestsOf(curl.result.root)[0]!.auth).toMatchObject({ password: '{{basic_password}}' })
    expect(JSON.stringify(curl.result)).not.toContain('wonder')

    const insomnia = holdBackCredentials(
      await importText(readFileSync('test/fixtures/interop/insomnia-v4.json', 'utf8')),
    )
    expect(insomnia.heldBack.map((h) => h.field).sort()).toEqual([
      'API key value',
      'Basic auth password',
    ])
    expect(JSON.stringify(insomnia.result)).not.toMatch(/"password":"pw"|"value":"k"/)

    const har = JSON.stringify({
      log: {
        version: '1.2',
        entries: ['Bearer one', 'Bearer two'].map((value, i) => ({
          request: {
            method: 'GET',
            url: `https://h.test/${i}`,
            headers: [
              { name: 'Authorization', value },
              { name: 'Accept', value: '*/*' },
            ],
          },
          response: {},
        })),
      },
    })
    const held = holdBackCredentials(await importText(har))
    expect(held.heldBack.map((h) => [h.field, h.variable])).toEqual([
      ['Authorization header', 'authorization'],
      ['Authorization header', 'authorization_2'],
    ])
    expect(requestsOf(held.result.root).map((r) => r.headers[0]!.value)).toEqual([
      '{{authorization}}',
      '{{authorization_2}}',
    ])
    expect(JSON.stringify(held.result)).not.toContain('Bearer one')
  })

  it('never names a variable after one the import defines already', async () => {
    const withVar = JSON.parse(postman)
    withVar.variable = [{ key: 'bearer_token', value: 'public' }]
    const { heldBack } = holdBackCredentials(await importText(JSON.stringify(withVar)))
    expect(heldBack.find((h) => h.field === 'Bearer token')?.variable).toBe('bearer_token_2')
  })
})

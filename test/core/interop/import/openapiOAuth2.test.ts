import { describe, expect, it } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import type { ImportedFolder } from '../../../../electron/core/interop/interopTypes'
import { requestAt } from './fixtures'

// OpenAPI's oauth2 security schemes import as Courier's OAuth 2.0 auth: the flow picks the
// grant, the operation's requirement gives the scopes, the client id and secrets become
// {{variables}} of the server environments (the secrets as secret ones, blank).

const authOf = (folder: ImportedFolder, name: string) => requestAt(folder, name).auth

const openapi3 = (schemes: Record<string, unknown>, security: Record<string, string[]>[]) =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Shop', version: '1' },
    servers: [{ url: 'https://api.shop.test/v1' }],
    components: { securitySchemes: schemes },
    paths: { '/orders': { get: { summary: 'Orders', security } } },
  })

describe('OpenAPI oauth2 security schemes', () => {
  it('prefers the authorization code flow (PKCE), with the scopes the operation asks for', async () => {
    const result = await importText(
      openapi3(
        {
          shop: {
            type: 'oauth2',
            flows: {
              clientCredentials: { tokenUrl: 'https://id.shop.test/token', scopes: {} },
              authorizationCode: {
                authorizationUrl: 'https://id.shop.test/authorize',
                tokenUrl: 'https://id.shop.test/token',
                scopes: { 'orders:read': '', 'orders:write': '' },
              },
            },
          },
        },
        [{ shop: ['orders:read', 'orders:write'] }],
      ),
    )
    expect(authOf(result.root, 'Orders')).toMatchObject({
      type: 'oauth2',
      grant: 'authorization_code',
      authUrl: 'https://id.shop.test/authorize',
      tokenUrl: 'https://id.shop.test/token',
      clientId: '{{oauth2_client_id}}',
      clientSecret: '',
      scope: 'orders:read orders:write',
    })
    expect(result.notes.join('\n')).toContain('http://127.0.0.1:<free port>/callback')
    const variables = result.environments[0]!.variables
    expect(variables.find((v) => v.name === 'oauth2_client_id')).toMatchObject({ secret: false })
  })

  it('maps the password flow with a secret password, and a relative token URL onto the server', async () => {
    const result = await importText(
      openapi3(
        {
          login: { type: 'oauth2', flows: { password: { tokenUrl: '/oauth/token', scopes: {} } } },
        },
        [{ login: [] }],
      ),
    )
    expect(authOf(result.root, 'Orders')).toMatchObject({
      grant: 'password',
      tokenUrl: '{{base_url}}/oauth/token',
      username: '{{oauth2_username}}',
      password: '{{oauth2_password}}',
      scope: '',
    })
    const secret = result.environments[0]!.variables.filter((v) => v.secret)
    expect(secret).toEqual([{ name: 'oauth2_password', value: '', enabled: true, secret: true }])
  })

  it("reads Swagger 2's flow names, and turns the implicit flow into sign-in with a note", async () => {
    const swagger = (flow: Record<string, unknown>) =>
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'Legacy', version: '1' },
        host: 'legacy.test',
        securityDefinitions: { auth: { type: 'oauth2', scopes: {}, ...flow } },
        paths: { '/pets': { get: { summary: 'Pets', security: [{ auth: ['read'] }] } } },
      })
    const app = await importText(
      swagger({ flow: 'application', tokenUrl: 'https://legacy.test/token' }),
    )
    expect(authOf(app.root, 'Pets')).toMatchObject({
      grant: 'client_credentials',
      tokenUrl: 'https://legacy.test/token',
      clientSecret: '{{oauth2_client_secret}}',
      scope: 'read',
    })
    const implicit = await importText(
      swagger({ flow: 'implicit', authorizationUrl: 'https://legacy.test/oauth' }),
    )
    expect(authOf(implicit.root, 'Pets')).toMatchObject({
      grant: 'authorization_code',
      authUrl: 'https://legacy.test/oauth',
      tokenUrl: '',
    })
    expect(implicit.notes.join('\n')).toContain('implicit flow is not offered by Courier')
  })

  it('still notes what it cannot express: openIdConnect, an oauth2 scheme with no flow', async () => {
    const result = await importText(
      openapi3(
        {
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.test/.well-known' },
          empty: { type: 'oauth2', flows: {} },
        },
        [{ oidc: [] }, { empty: [] }],
      ),
    )
    expect(authOf(result.root, 'Orders')).toEqual({ type: 'none' })
    const notes = result.notes.join('\n')
    expect(notes).toContain('oidc (openIdConnect)')
    expect(notes).toContain('empty (oauth2)')
  })
})

import { describe, expect, it } from 'vitest'
import { postmanOAuth2Params } from '../../../../electron/core/interop/export/oauth2Export'
import { postmanOAuth2 } from '../../../../electron/core/interop/import/oauth2Import'
import { OAuth2AuthSchema, OAUTH2_GRANTS } from '../../../../shared/model/oauth2'
import { holdBackCredentials } from '../../../../electron/core/interop/import/importCredentials'
import { importText } from '../../../../electron/core/interop/import/importText'
import type { ImportedFolder } from '../../../../electron/core/interop/interopTypes'

const requestsOf = (folder: ImportedFolder): ImportedFolder['requests'] => [
  ...folder.requests,
  ...folder.folders.flatMap(requestsOf),
]

const pairs = (o: Record<string, string>) =>
  Object.entries(o).map(([key, value]) => ({ key, value, type: 'string' }))

const postman = JSON.stringify({
  info: {
    name: 'IdP',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  auth: {
    type: 'oauth2',
    oauth2: pairs({
      grant_type: 'client_credentials',
      accessTokenUrl: 'https://id.example/oauth/token',
      clientId: 'svc',
      clientSecret: 'cs-literal-1',
      client_authentication: 'body',
      scope: 'read write',
      audience: 'https://api.example',
      accessToken: 'kept-access-token',
    }),
  },
  item: [
    {
      name: 'Browser sign-in',
      request: {
        method: 'GET',
        url: 'https://api.example/me',
        auth: {
          type: 'oauth2',
          oauth2: pairs({
            grant_type: 'authorization_code_with_pkce',
            authUrl: 'https://id.example/authorize',
            accessTokenUrl: 'https://id.example/oauth/token',
            clientId: 'spa',
            redirect_uri: 'https://oauth.pstmn.io/v1/callback',
          }),
        },
      },
    },
    {
      name: 'As a user',
      request: {
        method: 'GET',
        url: 'https://api.example/me',
        auth: {
          type: 'oauth2',
          oauth2: pairs({
            grant_type: 'password_credentials',
            accessTokenUrl: 'https://id.example/oauth/token',
            clientId: 'svc',
            clientSecret: '{{client_secret}}',
            username: 'ada',
            password: 'pw-literal-2',
          }),
        },
      },
    },
  ],
})

const insomnia = JSON.stringify({
  _type: 'export',
  __export_format: 4,
  resources: [
    { _id: 'wrk_1', _type: 'workspace', parentId: null, name: 'Ins' },
    {
      _id: 'req_1',
      _type: 'request',
      parentId: 'wrk_1',
      name: 'Token',
      method: 'GET',
      url: 'https://api.example/x',
      authentication: {
        type: 'oauth2',
        grantType: 'password',
        accessTokenUrl: '{{ _.idp }}/token',
        clientId: 'svc',
        clientSecret: 'ins-secret-3',
        credentialsInBody: true,
        username: 'ada',
        password: '{{ _.pw }}',
        scope: 'read',
        resource: 'https://api.example/',
      },
    },
  ],
})

describe('OAuth 2.0 imports', () => {
  it('maps Postman oauth2 (grants, client auth, scope, audience) and holds secrets back as variables', async () => {
    const imported = await importText(postman)
    expect(imported.root.defaults?.auth).toEqual({
      type: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: 'https://id.example/oauth/token',
      authUrl: '',
      clientId: 'svc',
      clientSecret: 'cs-literal-1',
      clientAuth: 'body',
      scope: 'read write',
      audience: 'https://api.example',
      resource: '',
      username: '',
      password: '',
      refreshToken: '',
    })
    const byName = Object.fromEntries(requestsOf(imported.root).map((r) => [r.name, r.auth]))
    expect(byName['Browser sign-in']).toMatchObject({
      grant: 'authorization_code',
      authUrl: 'https://id.example/authorize',
      clientAuth: 'basic',
    })
    expect(byName['As a user']).toMatchObject({ grant: 'password', username: 'ada' })
    expect(imported.notes.join('\n')).toContain('http://127.0.0.1:<free port>/callback')
    // The token the collection kept is not imported: Courier gets its own.
    expect(JSON.stringify(imported)).not.toContain('kept-access-token')

    const { result, heldBack, notes } = holdBackCredentials(imported)
    const text = JSON.stringify(result)
    for (const secret of ['cs-literal-1', 'pw-literal-2']) expect(text).not.toContain(secret)
    expect(heldBack.map((h) => [h.field, h.variable, h.places])).toEqual([
      ['OAuth 2.0 client secret', 'oauth2_client_secret', ['IdP']],
      ['OAuth 2.0 password', 'oauth2_password', ['IdP/As a user']],
    ])
    expect(result.root.defaults?.auth).toMatchObject({ clientSecret: '{{oauth2_client_secret}}' })
    const held = Object.fromEntries(requestsOf(result.root).map((r) => [r.name, r.auth]))
    // Already a reference: left as it is.
    expect(held['As a user']).toMatchObject({ clientSecret: '{{client_secret}}' })
    expect(notes[0]).toContain('COURIER_VAR_oauth2_client_secret=…')
  })

  it('maps Insomnia oauth2, its template variables and credentials in the body', async () => {
    const imported = await importText(insomnia)
    const [request] = requestsOf(imported.root)
    expect(request!.auth).toMatchObject({
      type: 'oauth2',
      grant: 'password',
      tokenUrl: '{{idp}}/token',
      clientAuth: 'body',
      password: '{{pw}}',
      scope: 'read',
      resource: 'https://api.example/',
    })
    const { result, heldBack } = holdBackCredentials(imported)
    expect(heldBack.map((h) => h.variable)).toEqual(['oauth2_client_secret'])
    expect(JSON.stringify(result)).not.toContain('ins-secret-3')
  })
})

describe('OAuth 2.0 Postman export', () => {
  it('reads back as the same auth for every grant', () => {
    for (const grant of OAUTH2_GRANTS) {
      const auth = OAuth2AuthSchema.parse({
        type: 'oauth2',
        grant,
        tokenUrl: 'https://id.example/token',
        authUrl: grant === 'authorization_code' ? 'https://id.example/authorize' : '',
        clientId: 'c',
        clientSecret: '{{s}}',
        clientAuth: 'body',
        scope: 'a b',
        audience: 'aud',
        resource: 'res',
        username: grant === 'password' ? 'u' : '',
        password: grant === 'password' ? '{{p}}' : '',
        refreshToken: grant === 'refresh_token' ? '{{r}}' : '',
      })
      const notes: string[] = []
      expect(postmanOAuth2(postmanOAuth2Params(auth), 'here', notes)).toEqual(auth)
      expect(notes).toEqual([])
    }
  })
})

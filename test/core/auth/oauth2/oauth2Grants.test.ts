import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OAuth2Tokens } from '../../../../electron/core/auth/oauth2/oauth2Tokens'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { MemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore'
import { OAuth2AuthSchema, type OAuth2Auth } from '../../../../shared/model/oauth2'
import { RequestSpecSchema } from '../../../../shared/model/request'
import { startOAuthServer, type OAuthServer } from '../../../servers'

let server: OAuthServer
const engine = new HttpEngine()

beforeAll(async () => {
  server = await startOAuthServer(
    {
      'basic-app': { secret: 's3cret basic+', method: 'basic' },
      'post-app': { secret: 'p0st-secret', method: 'body' },
      'public-app': { secret: '', method: 'body' },
    },
    { ada: 'lovelace' },
  )
})
afterAll(async () => {
  engine.close()
  await server.close()
})
beforeEach(() => {
  server.tokenRequests.length = 0
  server.spoilChallenge = false
})

const oauth = (fields: Partial<OAuth2Auth>): OAuth2Auth =>
  OAuth2AuthSchema.parse({ type: 'oauth2', tokenUrl: `${server.url}/token`, ...fields })

/** A browser that follows the authorization server's redirect back to Courier's listener. */
const browser = async (url: string) => {
  await fetch(url)
}

function send(auth: OAuth2Auth, tokens: OAuth2Tokens, variables: Record<string, string> = {}) {
  const withTokens = new HttpEngine({ oauth2: tokens })
  return withTokens
    .send({
      spec: RequestSpecSchema.parse({ method: 'GET', url: `${server.url}/resource`, auth }),
      variables,
      workspace: '/ws/a',
    })
    .finally(() => withTokens.close())
}

describe('OAuth 2.0 grants against a real authorization server', () => {
  it('client credentials with a Basic header: the resource accepts the token', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const auth = oauth({
      clientId: 'basic-app',
      clientSecret: 's3cret basic+',
      scope: 'read write',
      audience: 'https://api.example',
      resource: 'https://api.example/v1',
    })
    const result = await send(auth, tokens)
    expect(result.ok && result.response.status).toBe(200)
    const [request] = server.tokenRequests
    expect(request!.clientAuth).toBe('basic')
    expect(request!.params).toEqual({
      grant_type: 'client_credentials',
      scope: 'read write',
      audience: 'https://api.example',
      resource: 'https://api.example/v1',
    })
    const body = result.ok ? JSON.parse(result.response.body) : null
    expect(body).toMatchObject({ scope: 'read write', audience: 'https://api.example' })
  })

  it('client credentials in the body, and the wrong method is refused with a clear message', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const inBody = await send(
      oauth({ clientId: 'post-app', clientSecret: 'p0st-secret', clientAuth: 'body' }),
      tokens,
    )
    expect(inBody.ok && inBody.response.status).toBe(200)
    expect(server.tokenRequests[0]).toMatchObject({
      clientAuth: 'body',
      params: { client_id: 'post-app', client_secret: 'p0st-secret' },
    })
    const asBasic = await send(
      oauth({ clientId: 'post-app', clientSecret: 'p0st-secret', clientAuth: 'basic' }),
      new OAuth2Tokens(new MemorySecretStore(null), browser),
    )
    expect(asBasic.ok).toBe(false)
    if (asBasic.ok) return
    expect(asBasic.error.code).toBe('OAUTH2')
    expect(asBasic.error.message).toContain(`${server.url}/token`)
    expect(asBasic.error.message).toContain('invalid_client')
    expect(asBasic.error.hint).toContain('Basic header and body')
  })

  it('password grant sends the user and keeps the refresh token', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const auth = oauth({
      grant: 'password',
      clientId: 'basic-app',
      clientSecret: 's3cret basic+',
      username: 'ada',
      password: 'lovelace',
    })
    const result = await send(auth, tokens)
    expect(result.ok && result.response.status).toBe(200)
    expect(server.tokenRequests[0]!.params).toMatchObject({
      grant_type: 'password',
      username: 'ada',
      password: 'lovelace',
    })
    expect(tokens.status(auth, '/ws/a')?.refreshable).toBe(true)

    const wrong = await send(
      { ...auth, password: 'babbage' },
      new OAuth2Tokens(new MemorySecretStore(null), browser),
    )
    expect(!wrong.ok && wrong.error.message).toContain('wrong username or password')
  })

  it('authorization code with PKCE S256 over a loopback redirect', async () => {
    const opened: string[] = []
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), async (url) => {
      opened.push(url)
      await browser(url)
    })
    const auth = oauth({
      grant: 'authorization_code',
      authUrl: `${server.url}/authorize`,
      clientId: 'public-app',
      scope: 'openid',
    })
    const result = await send(auth, tokens)
    expect(result.ok && result.response.status).toBe(200)
    const asked = new URL(opened[0]!)
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256')
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    expect(asked.searchParams.get('state')).toMatch(/^[\w-]{20,}$/)
    const exchange = server.tokenRequests[0]!.params
    expect(exchange.grant_type).toBe('authorization_code')
    expect(exchange.code_verifier).toMatch(/^[\w-]{43}$/)
    expect(exchange.redirect_uri).toBe(asked.searchParams.get('redirect_uri'))
  })

  it('a PKCE verifier the server cannot match fails clearly', async () => {
    server.spoilChallenge = true
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const result = await send(
      oauth({
        grant: 'authorization_code',
        authUrl: `${server.url}/authorize`,
        clientId: 'public-app',
      }),
      tokens,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('OAUTH2')
    expect(result.error.message).toContain('refused the authorization code grant')
    expect(result.error.message).toContain('code_verifier does not match')
    expect(result.error.hint).toContain('PKCE verifier')
  })

  it('a redirect with another state is refused', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), async (url) => {
      const redirect = new URL(url).searchParams.get('redirect_uri')!
      await fetch(`${redirect}?code=stolen&state=not-ours`)
    })
    const result = await send(
      oauth({
        grant: 'authorization_code',
        authUrl: `${server.url}/authorize`,
        clientId: 'public-app',
      }),
      tokens,
    )
    expect(!result.ok && result.error.code).toBe('OAUTH2')
    expect(!result.ok && result.error.message).toContain('different OAuth 2.0 state')
    expect(server.tokenRequests).toEqual([])
  })

  it('refresh token grant starts from the given refresh token', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const password = oauth({
      grant: 'password',
      clientId: 'basic-app',
      clientSecret: 's3cret basic+',
      username: 'ada',
      password: 'lovelace',
    })
    // A refresh token the server issued, as a tester would paste it.
    const response = await fetch(`${server.url}/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('basic-app:s3cret%20basic%2B').toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'password', username: 'ada', password: 'lovelace' }),
    })
    const { refresh_token } = (await response.json()) as { refresh_token: string }
    server.tokenRequests.length = 0
    const result = await send(
      { ...password, grant: 'refresh_token', refreshToken: refresh_token },
      tokens,
    )
    expect(result.ok && result.response.status).toBe(200)
    expect(server.tokenRequests[0]!.params).toEqual({
      grant_type: 'refresh_token',
      refresh_token,
    })
  })
})

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OAuth2Tokens } from '../../../../electron/core/auth/oauth2/oauth2Tokens'
import { HttpEngine } from '../../../../electron/core/http/engine'
import {
  EncryptedSecretStore,
  type SecretCipher,
} from '../../../../electron/core/secrets/encryptedSecretStore'
import { MemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore'
import { openConfStore } from '../../../../electron/core/storage/openConfStore'
import { OAuth2AuthSchema, type OAuth2Auth } from '../../../../shared/model/oauth2'
import { RequestSpecSchema } from '../../../../shared/model/request'
import { startOAuthServer, type OAuthServer } from '../../../servers'

let server: OAuthServer
const browser = async (url: string) => {
  await fetch(url)
}

beforeAll(async () => {
  server = await startOAuthServer(
    { app: { secret: 'app-secret', method: 'basic' } },
    { ada: 'lovelace' },
  )
})
afterAll(() => server.close())
beforeEach(() => {
  server.tokenRequests.length = 0
})

const clientCredentials = (): OAuth2Auth =>
  OAuth2AuthSchema.parse({
    type: 'oauth2',
    tokenUrl: `${server.url}/token`,
    clientId: 'app',
    clientSecret: 'app-secret',
  })

async function sendWith(
  tokens: OAuth2Tokens,
  auth: OAuth2Auth,
  workspace = '/ws/a',
  variables = {},
) {
  const engine = new HttpEngine({ oauth2: tokens })
  try {
    return await engine.send({
      spec: RequestSpecSchema.parse({ method: 'GET', url: `${server.url}/resource`, auth }),
      variables,
      workspace,
    })
  } finally {
    engine.close()
  }
}

const grants = () => server.tokenRequests.map((r) => r.params.grant_type)

describe('OAuth 2.0 token cache', () => {
  it('reuses the token within a workspace and fetches another for another workspace', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const auth = clientCredentials()
    for (const workspace of ['/ws/a', '/ws/a', '/ws/b']) {
      const result = await sendWith(tokens, auth, workspace)
      expect(result.ok && result.response.status).toBe(200)
    }
    expect(grants()).toEqual(['client_credentials', 'client_credentials'])
    expect(tokens.status(auth, '/ws/a')).toMatchObject({ tokenType: 'bearer', refreshable: false })
    tokens.clear(auth, '/ws/a')
    expect(tokens.status(auth, '/ws/a')).toBeNull()
    expect(tokens.status(auth, '/ws/b')).not.toBeNull()
  })

  it('refreshes an expired token with its refresh token, and sends the new one', async () => {
    let now = Date.now()
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser, () => now)
    const auth = {
      ...clientCredentials(),
      grant: 'password' as const,
      username: 'ada',
      password: 'lovelace',
    }
    expect((await sendWith(tokens, auth)).ok).toBe(true)
    // The server ends the first token and Courier's clock passes its expiry.
    server.expireAll()
    now += 2 * 3600_000
    const result = await sendWith(tokens, auth)
    expect(result.ok && result.response.status).toBe(200)
    expect(grants()).toEqual(['password', 'refresh_token'])
  })

  it('fetches a client credentials token again once it expired (no refresh token)', async () => {
    let now = Date.now()
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser, () => now)
    const auth = clientCredentials()
    expect((await sendWith(tokens, auth)).ok).toBe(true)
    server.expireAll()
    now += 3600_000
    const result = await sendWith(tokens, auth)
    expect(result.ok && result.response.status).toBe(200)
    expect(grants()).toEqual(['client_credentials', 'client_credentials'])
  })

  it('runs the grant again when the refresh token is refused', async () => {
    let now = Date.now()
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser, () => now)
    const auth = {
      ...clientCredentials(),
      grant: 'password' as const,
      username: 'ada',
      password: 'lovelace',
    }
    expect((await sendWith(tokens, auth)).ok).toBe(true)
    now += 2 * 3600_000
    server.revokeRefreshTokens()
    server.tokenRequests.length = 0
    expect((await sendWith(tokens, auth)).ok).toBe(true)
    expect(grants()).toEqual(['refresh_token', 'password'])
  })

  it('keeps the token encrypted: neither it nor its refresh token is on disk in clear text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-oauth-'))
    const key = Buffer.from('courier-test-key')
    const xor = (data: Buffer) => Buffer.from(data.map((b, i) => b ^ key[i % key.length]!))
    const cipher: SecretCipher = {
      available: true,
      encrypt: (text) => xor(Buffer.from(text, 'utf8')),
      decrypt: (data) => xor(data).toString('utf8'),
    }
    const tokens = new OAuth2Tokens(new EncryptedSecretStore(openConfStore(dir), cipher), browser)
    const auth = {
      ...clientCredentials(),
      grant: 'password' as const,
      username: 'ada',
      password: 'lovelace',
    }
    expect((await sendWith(tokens, auth)).ok).toBe(true)
    const issued = server.tokenRequests.length
    const onDisk = readdirSync(dir)
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n')
    expect(onDisk).toContain('"secrets"')
    expect(onDisk).not.toMatch(/access_token|accessToken|refreshToken|Bearer|bearer/)

    // Another process (the next start) reads the kept token back and sends it without asking.
    const reopened = new OAuth2Tokens(new EncryptedSecretStore(openConfStore(dir), cipher), browser)
    expect((await sendWith(reopened, auth)).ok).toBe(true)
    expect(server.tokenRequests.length).toBe(issued)
  })

  it('is MISSING_CREDENTIAL when the client secret is blank or its variable has no value', async () => {
    const tokens = new OAuth2Tokens(new MemorySecretStore(null), browser)
    const blank = await sendWith(tokens, { ...clientCredentials(), clientSecret: '' })
    expect(!blank.ok && blank.error.code).toBe('MISSING_CREDENTIAL')
    expect(!blank.ok && blank.error.message).toContain('OAuth 2.0 client secret is empty')
    const unset = await sendWith(tokens, {
      ...clientCredentials(),
      clientSecret: '{{client_secret}}',
    })
    expect(!unset.ok && unset.error.message).toContain('{{client_secret}}')
    expect(!unset.ok && unset.error.hint).toContain('COURIER_VAR_client_secret')
    const fromVariable = await sendWith(
      tokens,
      { ...clientCredentials(), clientSecret: '{{client_secret}}' },
      '/ws/a',
      { client_secret: 'app-secret' },
    )
    expect(fromVariable.ok && fromVariable.response.status).toBe(200)
    expect(server.tokenRequests.length).toBe(1)
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OAuth2AuthSchema } from '../../../shared/model/oauth2'
import { harness, request } from './helpers'

const CLIENT_SECRET = 'SENTINEL-client-secret-5d1'
const PASSWORD = 'SENTINEL-password-77a'
const REFRESH = 'SENTINEL-refresh-0c3'

describe('OAuth 2.0 secrets are kept like a Basic password', () => {
  it('keeps the client secret, password and refresh token out of the file and back on read', async () => {
    const { service } = harness()
    const { dir } = await service.snapshot()
    const auth = OAuth2AuthSchema.parse({
      type: 'oauth2',
      grant: 'password',
      tokenUrl: 'https://id.example/token',
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      username: 'ada',
      password: PASSWORD,
      refreshToken: REFRESH,
    })
    const path = await service.saveRequest(null, '', request({ name: 'Me', auth }))
    const text = readFileSync(join(dir, path), 'utf8')
    for (const secret of [CLIENT_SECRET, PASSWORD, REFRESH]) expect(text).not.toContain(secret)
    expect(text).toContain('"clientId": "app"')
    expect((await service.readRequest(path)).auth).toEqual(auth)

    const renamed = await service.rename(path, 'Who am I')
    expect((await service.readRequest(renamed)).auth).toEqual(auth)
  })

  it('keeps a secret that is only a {{variable}} in the file', async () => {
    const { service } = harness()
    const { dir } = await service.snapshot()
    const auth = OAuth2AuthSchema.parse({ type: 'oauth2', clientSecret: '{{client_secret}}' })
    const path = await service.saveRequest(null, '', request({ auth }))
    expect(readFileSync(join(dir, path), 'utf8')).toContain('{{client_secret}}')
    expect((await service.readRequest(path)).auth).toEqual(auth)
  })
})

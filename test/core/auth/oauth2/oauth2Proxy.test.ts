import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginePost } from '../../../../electron/core/auth/oauth2/enginePost'
import { OAuth2Tokens } from '../../../../electron/core/auth/oauth2/oauth2Tokens'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { ProxyRouter } from '../../../../electron/core/http/proxy/proxyRouter'
import { MemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore'
import { OAuth2AuthSchema } from '../../../../shared/model/oauth2'
import { RequestSpecSchema } from '../../../../shared/model/request'
import {
  startOAuthServer,
  startProxyServer,
  type OAuthServer,
  type RunningProxy,
} from '../../../servers'

let server: OAuthServer
let proxy: RunningProxy

beforeAll(async () => {
  ;[server, proxy] = await Promise.all([
    startOAuthServer({ app: { secret: 'app-secret', method: 'basic' } }),
    startProxyServer(),
  ])
})
afterAll(async () => {
  await Promise.all([server.close(), proxy.close()])
})

function engineVia(proxyUrl: string): HttpEngine {
  const router = new ProxyRouter({
    config: () => ({ mode: 'manual', url: proxyUrl, pacUrl: '', noProxy: '' }),
    env: {},
  })
  const tokens = new OAuth2Tokens(
    new MemorySecretStore(null),
    () => undefined,
    Date.now,
    enginePost(() => engine),
  )
  const engine: HttpEngine = new HttpEngine({ proxy: router, oauth2: tokens })
  return engine
}

const auth = () =>
  OAuth2AuthSchema.parse({
    type: 'oauth2',
    tokenUrl: `${server.url}/token`,
    clientId: 'app',
    clientSecret: 'app-secret',
  })

describe('OAuth 2.0 token requests go through the engine', () => {
  it('take the same proxy as the send', async () => {
    const engine = engineVia(proxy.url)
    try {
      const result = await engine.send({
        spec: RequestSpecSchema.parse({
          method: 'GET',
          url: `${server.url}/resource`,
          auth: auth(),
        }),
        workspace: '/ws',
      })
      expect(result.ok && result.response.status).toBe(200)
      expect(proxy.requests.map((r) => r.line)).toEqual([
        `POST ${server.url}/token`,
        `GET ${server.url}/resource`,
      ])
      expect(server.tokenRequests[0]).toMatchObject({ clientAuth: 'basic', clientId: 'app' })
    } finally {
      engine.close()
    }
  })

  it('an unreachable proxy fails the token request as OAUTH2, naming the endpoint and the proxy', async () => {
    const engine = engineVia('http://127.0.0.1:9')
    try {
      const result = await engine.send({
        spec: RequestSpecSchema.parse({
          method: 'GET',
          url: `${server.url}/resource`,
          auth: auth(),
        }),
      })
      expect(!result.ok && result.error.code).toBe('OAUTH2')
      expect(!result.ok && result.error.message).toContain(`token endpoint ${server.url}/token`)
      expect(!result.ok && result.error.message).toContain('127.0.0.1:9')
    } finally {
      engine.close()
    }
  })
})

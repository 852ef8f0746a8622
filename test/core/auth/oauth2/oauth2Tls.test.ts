import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginePost } from '../../../../electron/core/auth/oauth2/enginePost'
import { oauth2Service } from '../../../../electron/core/auth/oauth2/oauth2Service'
import { OAuth2Tokens } from '../../../../electron/core/auth/oauth2/oauth2Tokens'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { loadTlsMaterial, type TlsMaterial } from '../../../../electron/core/http/tlsMaterial'
import { MemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore'
import { OAuth2AuthSchema, type OAuth2Auth } from '../../../../shared/model/oauth2'
import { RequestSpecSchema } from '../../../../shared/model/request'
import type { RequestDefaults } from '../../../../shared/model/settings'
import { startOAuthServer, type OAuthServer } from '../../../servers'
import { makeTestPki, pem, type TestPki } from '../../../servers/tlsPki'

// Token requests go through the engine: they honour the TLS settings (CA files, client
// certificates) and the send's "verify TLS" as the send itself does.
let pki: TestPki
let mtls: OAuthServer
let privateCa: OAuthServer
const engines: HttpEngine[] = []

const clients = { app: { secret: 'app-secret', method: 'basic' as const } }

beforeAll(async () => {
  pki = makeTestPki()
  const tls = { cert: pem(pki.serverCert), key: pem(pki.serverKey) }
  ;[mtls, privateCa] = await Promise.all([
    startOAuthServer(clients, {}, { ...tls, ca: pem(pki.caCert), requestCert: true }),
    startOAuthServer(clients, {}, tls),
  ])
})
afterAll(async () => {
  engines.forEach((engine) => engine.close())
  await Promise.all([mtls.close(), privateCa.close()])
})

function engineWith(options: {
  tls?: TlsMaterial
  defaults?: Partial<RequestDefaults>
  openExternal?: (url: string) => void
}) {
  const tokens = new OAuth2Tokens(
    new MemorySecretStore(null),
    options.openExternal ?? (() => undefined),
    Date.now,
    enginePost(
      () => engine,
      () => options.defaults ?? {},
    ),
  )
  const engine: HttpEngine = new HttpEngine({ oauth2: tokens, tls: options.tls })
  engines.push(engine)
  return { engine, tokens }
}

const auth = (server: OAuthServer, over: Partial<OAuth2Auth> = {}) =>
  OAuth2AuthSchema.parse({
    type: 'oauth2',
    tokenUrl: `${server.url}/token`,
    clientId: 'app',
    clientSecret: 'app-secret',
    ...over,
  })

const resource = (engine: HttpEngine, server: OAuthServer, verifyTls?: boolean) =>
  engine.send({
    spec: RequestSpecSchema.parse({
      method: 'GET',
      url: `${server.url}/resource`,
      auth: auth(server),
      settings: verifyTls === undefined ? {} : { verifyTls },
    }),
    workspace: '/ws',
  })

describe('token requests honour the TLS settings', () => {
  it('trust the private CA and present the client certificate to a mutual-TLS token endpoint', async () => {
    const bare = engineWith({})
    const refused = await resource(bare.engine, mtls)
    expect(refused.ok ? '' : refused.error.code).toBe('OAUTH2')
    expect(refused.ok ? '' : refused.error.message).toContain(
      `The token endpoint ${mtls.url}/token could not be reached`,
    )
    expect(refused.ok ? '' : refused.error.hint).toMatch(/add its CA certificate/)

    const tls = loadTlsMaterial({
      caFiles: [pki.caCert],
      clientCerts: [{ host: '127.0.0.1', certFile: pki.clientCert, keyFile: pki.clientKey }],
      minVersion: 'TLSv1.2',
    })
    const { engine } = engineWith({ tls })
    const result = await resource(engine, mtls)
    expect(result.ok && result.response.status).toBe(200)
    expect(mtls.tokenRequests).toHaveLength(1)
  })

  it('a send with "verify TLS" off fetches its token unverified too; one with it on does not', async () => {
    const { engine } = engineWith({})
    const verified = await resource(engine, privateCa, true)
    expect(verified.ok ? '' : verified.error.message).toMatch(
      /token endpoint .* could not be reached/,
    )
    expect(privateCa.tokenRequests).toHaveLength(0)
    const unverified = await resource(engine, privateCa, false)
    expect(unverified.ok && unverified.response.status).toBe(200)
    expect(privateCa.tokenRequests).toHaveLength(1)
  })

  it('"Get new token" verifies as the app’s request defaults say', async () => {
    const strict = oauth2Service(engineWith({}).tokens)
    const ref = { auth: auth(privateCa, { scope: 'defaults' }), variables: {}, workspace: '/ws' }
    const refused = await strict['oauth2:fetch'](ref)
    expect(refused.ok ? '' : refused.error.code).toBe('OAUTH2')
    const lenient = oauth2Service(engineWith({ defaults: { verifyTls: false } }).tokens)
    const fetched = await lenient['oauth2:fetch'](ref)
    expect(fetched.ok && fetched.status.tokenType.toLowerCase()).toBe('bearer')
  })
})

describe('cancelling a sign-in', () => {
  it('closes the loopback listener and answers that the sign-in was cancelled', async () => {
    let opened!: (url: string) => void
    const browserOpened = new Promise<string>((resolve) => (opened = resolve))
    const service = oauth2Service(engineWith({ openExternal: (url) => opened(url) }).tokens)
    const signInId = 'sign-in-1'
    const fetching = service['oauth2:fetch']({
      auth: auth(privateCa, {
        grant: 'authorization_code',
        authUrl: `${privateCa.url}/authorize`,
      }),
      variables: {},
      workspace: '/ws',
      signInId,
    })
    const redirect = new URL(new URL(await browserOpened).searchParams.get('redirect_uri')!)
    expect(await reachable(redirect.port)).toBe(true)

    expect(await service['oauth2:cancel']({ signInId })).toBe(true)
    const result = await fetching
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('OAUTH2')
    expect(result.error.message).toBe('The sign-in was cancelled, so nothing was sent.')
    expect(await reachable(redirect.port)).toBe(false)
    // Once ended, there is nothing left to cancel.
    expect(await service['oauth2:cancel']({ signInId })).toBe(false)
  })
})

/** Whether something listens on 127.0.0.1:port. */
function reachable(port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

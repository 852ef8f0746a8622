import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOAuthServer, type OAuthServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

// `courier send` fetches the token with the request's saved OAuth 2.0 settings; the
// secret parts come from COURIER_VAR_<name> or --secrets, as for Basic's password.
const SECRET = 'SENTINEL-cli-client-secret'
let server: OAuthServer
const dataDir = tempDir('courier-oauth-data-')
const into = join(tempDir('courier-oauth-'), 'ws')

beforeAll(async () => {
  server = await startOAuthServer({
    machine: { secret: SECRET, method: 'basic' },
    spa: { secret: '', method: 'body' },
  })
  const pairs = (o: Record<string, string>) =>
    Object.entries(o).map(([key, value]) => ({ key, value, type: 'string' }))
  const collection = join(tempDir('courier-oauth-src-'), 'oauth.postman_collection.json')
  writeFileSync(
    collection,
    JSON.stringify({
      info: {
        name: 'OAuth API',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Machine',
          request: {
            method: 'GET',
            url: `${server.url}/resource`,
            auth: {
              type: 'oauth2',
              oauth2: pairs({
                grant_type: 'client_credentials',
                accessTokenUrl: `${server.url}/token`,
                clientId: 'machine',
                clientSecret: SECRET,
                scope: 'jobs',
              }),
            },
          },
        },
        {
          name: 'Browser',
          request: {
            method: 'GET',
            url: `${server.url}/resource`,
            auth: {
              type: 'oauth2',
              oauth2: pairs({
                grant_type: 'authorization_code_with_pkce',
                authUrl: `${server.url}/authorize`,
                accessTokenUrl: `${server.url}/token`,
                clientId: 'spa',
                client_authentication: 'body',
              }),
            },
          },
        },
      ],
    }),
  )
  const out = await runCourier(['import', collection, '--into', into], { dataDir })
  expect(out.code).toBe(0)
  expect(out.stdout).toContain('it now reads {{oauth2_client_secret}}')
})
afterAll(() => server?.close())

describe('courier send with OAuth 2.0', () => {
  it('refuses without the client secret, naming the variable (exit 2)', async () => {
    const out = await runCourier(['send', 'OAuth API/Machine', '--workspace', into], { dataDir })
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('[MISSING_CREDENTIAL]')
    expect(out.stderr).toContain('OAuth 2.0 client secret comes from {{oauth2_client_secret}}')
    expect(out.stderr).toContain('COURIER_VAR_oauth2_client_secret=')
  })

  it('fetches a client credentials token with COURIER_VAR_ or --secrets and sends it', async () => {
    server.tokenRequests.length = 0
    const out = await runCourier(['send', 'OAuth API/Machine', '--workspace', into], {
      dataDir,
      vars: { oauth2_client_secret: SECRET },
    })
    expect(out.stderr).toMatch(/^200 OK/)
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/"clientId": ?"machine"/)
    expect(server.tokenRequests.map((r) => [r.clientAuth, r.params.scope])).toEqual([
      ['basic', 'jobs'],
    ])

    const secrets = join(tempDir('courier-oauth-secrets-'), 'secrets.json')
    writeFileSync(secrets, JSON.stringify({ oauth2_client_secret: SECRET }))
    const fromFile = await runCourier(
      ['send', 'OAuth API/Machine', '--workspace', into, '--secrets', secrets],
      { dataDir },
    )
    expect(fromFile.code).toBe(0)
  })

  it('authorization code: prints the URL, listens on loopback and sends with the token', async () => {
    server.tokenRequests.length = 0
    const child = spawn(
      process.execPath,
      [resolve('bin/courier.mjs'), 'send', 'OAuth API/Browser', '--workspace', into],
      { env: { ...process.env, COURIER_DATA_DIR: dataDir } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((done) => child.on('close', done))
    // The tester's browser: opens the printed address, which comes back to the listener.
    const url = await new Promise<string>((found, failed) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString()
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)$/m.exec(stderr)
        if (match) found(match[1]!)
      })
      child.on('close', () => failed(new Error(`courier exited first: ${stderr}`)))
    })
    expect(stderr).toContain('OAuth 2.0 sign-in: open this address')
    const page = await fetch(url)
    expect(await page.text()).toContain('You can close this tab')
    expect(await exited).toBe(0)
    expect(stdout).toMatch(/"clientId": ?"spa"/)
    expect(server.tokenRequests[0]!.params).toMatchObject({ grant_type: 'authorization_code' })
  })
})

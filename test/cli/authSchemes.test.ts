import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startHttpbin,
  startNtlmServer,
  startSigV4Server,
  type NtlmServer,
  type RunningServer,
} from '../servers'
import { runCourier, tempDir } from './runCourier'

// Digest, NTLM and AWS Signature V4 through the built `courier` binary, against real servers.
const dataDir = tempDir('courier-cli-auth-')
let httpbin: RunningServer
let verifier: RunningServer
let ntlm: NtlmServer

const courier = (args: string[], vars?: Record<string, string>) =>
  runCourier(args, { dataDir, vars })

beforeAll(async () => {
  ;[httpbin, verifier, ntlm] = await Promise.all([
    startHttpbin(),
    startSigV4Server({ AKIDCLI: { secretAccessKey: 'cli/secret+key' } }),
    startNtlmServer({ users: { 'CORP\\bob': 'cli-pw' } }),
  ])
})
afterAll(() => Promise.all([httpbin.close(), verifier.close(), ntlm.close()]))

describe('courier send --digest', () => {
  it('answers httpbin SHA-256 challenge, the 401 listed before the 200', async () => {
    const r = await courier([
      'send',
      'GET',
      `${httpbin.url}/digest-auth/auth/user/pass/SHA-256`,
      '--digest',
      'user:pass',
      '--output',
      'json',
    ])
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout)
    expect(out.status).toBe(200)
    expect(out.redirects).toEqual([expect.objectContaining({ status: 401, challenge: 'Digest' })])
  })

  it('takes the password from COURIER_VAR_<name>, and refuses to send without it', async () => {
    const args = [
      'send',
      'GET',
      `${httpbin.url}/digest-auth/auth/user/pass/MD5`,
      '--digest',
      'user:{{digest_password}}',
      '--output',
      'json',
    ]
    const ok = await courier(args, { digest_password: 'pass' })
    expect(JSON.parse(ok.stdout).status).toBe(200)
    const missing = await courier(args)
    expect(missing.code).not.toBe(0)
    expect(missing.stdout + missing.stderr).toContain('MISSING_CREDENTIAL')
    expect(missing.stdout + missing.stderr).toContain('COURIER_VAR_digest_password')
  })
})

describe('courier send --ntlm', () => {
  it('signs in as DOMAIN\\user, the password from --secrets, the 401 listed before the 200', async () => {
    const secrets = join(dataDir, 'ntlm-secrets.json')
    writeFileSync(secrets, JSON.stringify({ ntlm_password: 'cli-pw' }))
    const r = await courier([
      'send',
      'GET',
      `${ntlm.url}/whoami`,
      '--ntlm',
      'CORP\\bob:{{ntlm_password}}',
      '--secrets',
      secrets,
      '--output',
      'json',
    ])
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout)
    expect(out.status).toBe(200)
    expect(JSON.parse(out.body)).toMatchObject({ authenticated: true, user: 'bob', domain: 'CORP' })
    expect(out.redirects).toEqual([expect.objectContaining({ status: 401, challenge: 'NTLM' })])
  })

  it('a wrong password fails naming what to check; COURIER_VAR_ gives the right one', async () => {
    const args = ['send', 'GET', `${ntlm.url}/whoami`, '--ntlm', 'CORP\\bob:{{pw}}']
    const wrong = await courier(args, { pw: 'nope' })
    expect(wrong.code).not.toBe(0)
    expect(wrong.stdout + wrong.stderr).toContain('refused the NTLM sign-in as "CORP\\bob"')
    expect(wrong.stdout + wrong.stderr).toMatch(/username, password and domain/)
    const ok = await courier([...args, '--output', 'json'], { pw: 'cli-pw' })
    expect(JSON.parse(ok.stdout).status).toBe(200)
  })

  it('refuses a flag without a password, and a second auth flag', async () => {
    const bare = await courier(['send', 'GET', ntlm.url, '--ntlm', 'bob'])
    expect(bare.code).not.toBe(0)
    expect(bare.stderr).toContain('DOMAIN\\user:password')
    const both = await courier(['send', 'GET', ntlm.url, '--ntlm', 'a:b', '--digest', 'a:b'])
    expect(both.stderr).toContain('--ntlm')
  })
})

describe('courier send --aws-sigv4', () => {
  it('signs a POST that the verifier re-signs and accepts, the secret from --secrets', async () => {
    const secrets = join(dataDir, 'secrets.json')
    writeFileSync(secrets, JSON.stringify({ aws_secret: 'cli/secret+key' }))
    const r = await courier([
      'send',
      'POST',
      `${verifier.url}/things?x=1`,
      '--aws-sigv4',
      'aws:amz:us-east-1:execute-api',
      '--user',
      'AKIDCLI:{{aws_secret}}',
      '--secrets',
      secrets,
      '--json',
      '{"n":1}',
      '--output',
      'json',
    ])
    const out = JSON.parse(r.stdout)
    expect(out.body).toContain('"verified":true')
    expect(out.status).toBe(200)
  })

  it('a wrong secret gets the verifier 403; a malformed provider is a usage error', async () => {
    const wrong = await courier([
      'send',
      'GET',
      `${verifier.url}/things`,
      '--aws-sigv4',
      'aws:amz:us-east-1:execute-api',
      '--user',
      'AKIDCLI:nope',
      '--output',
      'json',
    ])
    expect(JSON.parse(wrong.stdout).status).toBe(403)
    const bad = await courier([
      'send',
      'GET',
      verifier.url,
      '--aws-sigv4',
      'us-east-1',
      '--user',
      'a:b',
    ])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('aws:amz:REGION:SERVICE')
  })
})

import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeLanguages, generateCode } from '../../../../electron/core/interop/code/codeLanguages'
import { OAuth2AuthSchema } from '../../../../shared/model/oauth2'
import { emptyRequest, type RequestAuth, type RequestSpec } from '../../../../shared/model/request'
import {
  startHttpbin,
  startNtlmServer,
  startSigV4Server,
  type NtlmServer,
  type RunningServer,
} from '../../../servers'

/**
 * Code for the auths Courier computes when sending (Digest, AWS Signature V4, OAuth 2.0):
 * curl and requests get their own options, run here against httpbin's Digest endpoint and
 * a SigV4 verifier; every other language says in a comment what it leaves out.
 */
const run = promisify(execFile)
let httpbin: RunningServer
let verifier: Awaited<ReturnType<typeof startSigV4Server>>
let ntlm: NtlmServer
const dir = mkdtempSync(join(tmpdir(), 'courier-auth-code-'))

beforeAll(async () => {
  ;[httpbin, verifier, ntlm] = await Promise.all([
    startHttpbin(),
    startSigV4Server({ AKIDEXAMPLE: { secretAccessKey: 'wJalrXUtnFEMI', sessionToken: 'tok-9' } }),
    startNtlmServer({ users: { 'COURIER\\ada': 'n7lm-pass' } }),
  ])
})
afterAll(async () => {
  await Promise.all([httpbin.close(), verifier.close(), ntlm.close()])
})

const spec = (url: string, auth: RequestAuth): RequestSpec => ({ ...emptyRequest(), url, auth })
const digest = (url: string) => spec(url, { type: 'digest', username: 'user', password: 'passwd' })
const aws = (url: string) =>
  spec(url, {
    type: 'awsv4',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI',
    sessionToken: 'tok-9',
    region: 'eu-west-1',
    service: 'execute-api',
  })

const runCurl = async (code: string) => (await run('/bin/sh', ['-c', code])).stdout
async function runPython(code: string): Promise<string> {
  const file = join(dir, 'digest.py')
  writeFileSync(file, code)
  return (await run('/usr/bin/python3', [file])).stdout
}

describe('generated code for Digest', () => {
  const url = () => `${httpbin.url}/digest-auth/auth/user/passwd/MD5`

  it('curl answers the challenge with --digest', async () => {
    const code = generateCode(digest(url()), {}, 'curl')
    expect(code).toContain('--digest')
    expect(JSON.parse(await runCurl(code))).toEqual({ authenticated: true, user: 'user' })
  })

  it('requests answers it with HTTPDigestAuth', async () => {
    const code = generateCode(digest(url()), {}, 'python-requests')
    expect(code).toContain('from requests.auth import HTTPDigestAuth')
    expect(JSON.parse(await runPython(code))).toEqual({ authenticated: true, user: 'user' })
  })

  it('every other language says the Digest auth is left out', () => {
    for (const { id } of codeLanguages().filter((l) => !['curl', 'python-requests'].includes(l.id)))
      expect(generateCode(digest(url()), {}, id), id).toContain(
        'Digest auth (user "user") is left out',
      )
  })
})

describe('generated code for NTLM', () => {
  const auth = {
    type: 'ntlm',
    username: 'ada',
    password: 'n7lm-pass',
    domain: 'COURIER',
    workstation: '',
  } as const

  it('curl signs in with --ntlm as DOMAIN\\user, which the verifying server accepts', async () => {
    const code = generateCode(spec(`${ntlm.url}/who`, auth), {}, 'curl')
    expect(code).toContain('--ntlm')
    expect(JSON.parse(await runCurl(code))).toMatchObject({ authenticated: true, user: 'ada' })
    expect(ntlm.events.filter((e) => e.kind === 'type3').map((e) => e.who)).toEqual([
      'COURIER\\ada',
    ])
  })

  it('requests signs in with requests-ntlm (not installed here, so checked as text)', () => {
    const code = generateCode(spec(`${ntlm.url}/who`, auth), {}, 'python-requests')
    expect(code).toContain('from requests_ntlm import HttpNtlmAuth')
    expect(code).toContain('auth=HttpNtlmAuth("COURIER\\\\ada", "n7lm-pass")')
  })

  it('every other language says the NTLM auth is left out', () => {
    expect(generateCode(spec('https://intranet.test/', auth), {}, 'java-okhttp')).toContain(
      '// NTLM auth (user "COURIER\\\\ada") is left out',
    )
  })
})

describe('generated code for AWS Signature V4', () => {
  it('curl signs with --aws-sigv4 and sends the session token, as the verifier checks', async () => {
    // Sorted: Debian 12's curl 7.88 signs the query unsorted, so `?b=2&a=1` fails from it.
    const code = generateCode(aws(`${verifier.url}/items?a=1&b=2`), {}, 'curl')
    expect(code).toContain('--aws-sigv4 aws:amz:eu-west-1:execute-api')
    expect(JSON.parse(await runCurl(code))).toEqual({ verified: true, path: '/items' })
  })

  it('requests signs with requests-aws4auth (not in Debian, so checked as text)', () => {
    const code = generateCode(aws(`${verifier.url}/items`), {}, 'python-requests')
    expect(code).toContain('from requests_aws4auth import AWS4Auth')
    expect(code).toContain(
      'auth=AWS4Auth("AKIDEXAMPLE", "wJalrXUtnFEMI", "eu-west-1", "execute-api", session_token="tok-9")',
    )
  })

  it('every other language says the signature is left out', () => {
    expect(generateCode(aws('https://api.test/'), {}, 'go')).toContain(
      '// AWS Signature V4 (eu-west-1, execute-api) is left out',
    )
  })
})

describe('generated code for OAuth 2.0', () => {
  it('sends a placeholder Bearer token and says where the real one is, in every language', () => {
    const oauth = spec(
      'https://api.test/me',
      OAuth2AuthSchema.parse({ type: 'oauth2', tokenUrl: 'https://id.test/token' }),
    )
    for (const { id } of codeLanguages()) {
      const code = generateCode(oauth, {}, id)
      expect(code, id).toContain('<access token>')
      expect(code, id).toContain('the access token the Auth tab shows')
    }
  })
})

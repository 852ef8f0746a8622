import { describe, expect, it } from 'vitest'
import { holdBackCredentials } from '../../../../electron/core/interop/import/importCredentials'
import { importText } from '../../../../electron/core/interop/import/importText'
import type { ImportedFolder } from '../../../../electron/core/interop/interopTypes'

// Postman digest/ntlm/awsv4 and Insomnia digest/ntlm/iam map onto Courier's Digest, NTLM
// and AWS Signature V4 auth; their secrets are held back as {{variables}} named in the report.

const requestsOf = (folder: ImportedFolder): ImportedFolder['requests'] => [
  ...folder.requests,
  ...folder.folders.flatMap(requestsOf),
]
const pairs = (o: Record<string, string>) =>
  Object.entries(o).map(([key, value]) => ({ key, value, type: 'string' }))

const postman = JSON.stringify({
  info: {
    name: 'Signed',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  auth: {
    type: 'awsv4',
    awsv4: pairs({
      accessKey: 'AKIDPOSTMAN',
      secretKey: 'pm-secret-key',
      sessionToken: 'pm-session-token',
      region: 'eu-central-1',
      service: 'execute-api',
    }),
  },
  item: [
    { name: 'Inherits', request: { method: 'GET', url: 'https://api.example/a' } },
    {
      name: 'Digest',
      request: {
        method: 'GET',
        url: 'https://api.example/d',
        auth: {
          type: 'digest',
          digest: pairs({ username: 'dig', password: 'pm-digest-pw', algorithm: 'MD5' }),
        },
      },
    },
    {
      name: 'Windows',
      request: {
        method: 'GET',
        url: 'https://intranet.example/',
        auth: {
          type: 'ntlm',
          ntlm: pairs({
            username: 'u',
            password: 'pm-ntlm-pw',
            domain: 'CORP',
            workstation: 'WS1',
            disableRetryRequest: 'false',
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
      name: 'Digest',
      method: 'GET',
      url: 'https://h.example/d',
      authentication: { type: 'digest', username: 'idig', password: 'ins-digest-pw' },
    },
    {
      _id: 'req_2',
      _type: 'request',
      parentId: 'wrk_1',
      name: 'IAM',
      method: 'POST',
      url: 'https://h.example/i',
      authentication: {
        type: 'iam',
        accessKeyId: 'AKIDINS',
        secretAccessKey: 'ins-secret-key',
        sessionToken: '',
        region: 'us-west-2',
        service: 's3',
      },
    },
    {
      _id: 'req_3',
      _type: 'request',
      parentId: 'wrk_1',
      name: 'NTLM',
      method: 'GET',
      url: 'https://h.example/n',
      authentication: { type: 'ntlm', username: 'CORP\\n', password: 'ins-ntlm-pw' },
    },
  ],
})

describe('importing Digest, AWS Signature V4 and NTLM auth', () => {
  it('maps Postman digest and awsv4, holding their secrets back as variables', async () => {
    const imported = await importText(postman)
    expect(imported.root.defaults?.auth).toEqual({
      type: 'awsv4',
      accessKeyId: 'AKIDPOSTMAN',
      secretAccessKey: 'pm-secret-key',
      sessionToken: 'pm-session-token',
      region: 'eu-central-1',
      service: 'execute-api',
    })
    const { result, heldBack, notes } = holdBackCredentials(imported)
    const text = JSON.stringify(result)
    for (const secret of ['pm-secret-key', 'pm-session-token', 'pm-digest-pw', 'pm-ntlm-pw'])
      expect(text).not.toContain(secret)
    expect(result.root.defaults?.auth).toMatchObject({
      accessKeyId: 'AKIDPOSTMAN',
      secretAccessKey: '{{aws_secret_access_key}}',
      sessionToken: '{{aws_session_token}}',
    })
    const byName = Object.fromEntries(requestsOf(result.root).map((r) => [r.name, r.auth]))
    expect(byName.Digest).toEqual({
      type: 'digest',
      username: 'dig',
      password: '{{digest_password}}',
    })
    expect(byName.Windows).toEqual({
      type: 'ntlm',
      username: 'u',
      password: '{{ntlm_password}}',
      domain: 'CORP',
      workstation: 'WS1',
    })
    expect(heldBack.map((h) => [h.field, h.variable])).toEqual([
      ['AWS secret access key', 'aws_secret_access_key'],
      ['AWS session token', 'aws_session_token'],
      ['Digest auth password', 'digest_password'],
      ['NTLM password', 'ntlm_password'],
    ])
    expect(notes.join('\n')).toContain('COURIER_VAR_aws_secret_access_key=')
  })

  it('maps Insomnia digest, ntlm and iam; an empty session token stays empty', async () => {
    const imported = await importText(insomnia)
    const byName = Object.fromEntries(requestsOf(imported.root).map((r) => [r.name, r.auth]))
    expect(byName.Digest).toEqual({ type: 'digest', username: 'idig', password: 'ins-digest-pw' })
    expect(byName.IAM).toEqual({
      type: 'awsv4',
      accessKeyId: 'AKIDINS',
      secretAccessKey: 'ins-secret-key',
      sessionToken: '',
      region: 'us-west-2',
      service: 's3',
    })
    expect(byName.NTLM).toEqual({
      type: 'ntlm',
      username: 'CORP\\n',
      password: 'ins-ntlm-pw',
      domain: '',
      workstation: '',
    })
    const held = holdBackCredentials(imported)
    expect(held.heldBack.map((h) => h.variable)).toEqual([
      'digest_password',
      'aws_secret_access_key',
      'ntlm_password',
    ])
    expect(JSON.stringify(held.result)).not.toContain('ins-ntlm-pw')
  })

  it('notes no NTLM as unsupported any more, from either tool', async () => {
    const fromPostman = await importText(postman)
    const fromInsomnia = await importText(insomnia)
    expect(fromPostman.notes.join('\n')).not.toMatch(/ntlm/i)
    expect(fromInsomnia.notes.join('\n')).not.toMatch(/ntlm/i)
  })
})

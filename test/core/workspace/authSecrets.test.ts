import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { harness, request } from './helpers'

const TOKEN = 'SENTINEL-auth-91b2'

describe('credentials typed into auth are secrets', () => {
  it('keeps a literal token out of the file and gives it back on read, after a rename too', async () => {
    const { service } = harness()
    const { dir } = await service.snapshot()
    const path = await service.saveRequest(
      null,
      '',
      request({ name: 'Me', auth: { type: 'bearer', token: TOKEN } }),
    )
    const text = readFileSync(join(dir, path), 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).toContain('"type": "bearer"')
    expect((await service.readRequest(path)).auth).toEqual({ type: 'bearer', token: TOKEN })

    const renamed = await service.rename(path, 'Who am I')
    expect((await service.readRequest(renamed)).auth).toEqual({ type: 'bearer', token: TOKEN })
    const copy = await service.duplicate(renamed)
    expect((await service.readRequest(copy)).auth).toEqual({ type: 'bearer', token: TOKEN })
  })

  it('keeps a credential made only of {{variables}} in the file, for teammates', async () => {
    const { service } = harness()
    const { dir } = await service.snapshot()
    const path = await service.saveRequest(
      null,
      '',
      request({ auth: { type: 'basic', username: 'qa', password: '{{password}}' } }),
    )
    expect(readFileSync(join(dir, path), 'utf8')).toContain('{{password}}')
    // Replacing a literal with a reference forgets the stored literal.
    await service.saveRequest(path, '', request({ auth: { type: 'bearer', token: TOKEN } }))
    await service.saveRequest(path, '', request({ auth: { type: 'bearer', token: '' } }))
    expect((await service.readRequest(path)).auth).toEqual({ type: 'bearer', token: '' })
  })

  it('does the same for the auth a folder or the workspace gives its requests', async () => {
    const { service } = harness()
    const { dir } = await service.snapshot()
    const folder = await service.createFolder('', 'Users')
    const defaults = {
      headers: [],
      auth: { type: 'apikey' as const, key: 'X-Key', value: TOKEN, in: 'header' as const },
      variables: [],
    }
    await service.saveDefaults(folder, defaults)
    await service.saveDefaults('', defaults)
    expect(readFileSync(join(dir, 'Users', 'folder.json'), 'utf8')).not.toContain(TOKEN)
    expect(readFileSync(join(dir, 'courier.json'), 'utf8')).not.toContain(TOKEN)
    const snapshot = await service.snapshot()
    const users = snapshot.tree.find((n) => n.name === 'Users')
    expect(users?.kind === 'folder' && users.defaults.auth).toEqual(defaults.auth)
    expect(snapshot.manifest.defaults.auth).toEqual(defaults.auth)
  })

  it('keeps both AWS secrets (secret key, session token) and a Digest password out of the file', async () => {
    const { service } = harness()
    const { dir } = await service.snapshot()
    const aws = {
      type: 'awsv4' as const,
      accessKeyId: 'AKIDVISIBLE',
      secretAccessKey: `${TOKEN}-key`,
      sessionToken: `${TOKEN}-session`,
      region: 'eu-west-1',
      service: 's3',
    }
    const path = await service.saveRequest(null, '', request({ name: 'S3', auth: aws }))
    const text = readFileSync(join(dir, path), 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).toContain('AKIDVISIBLE')
    expect((await service.readRequest(path)).auth).toEqual(aws)
    const moved = await service.rename(path, 'Bucket')
    expect((await service.readRequest(moved)).auth).toEqual(aws)
    // Dropping the session token forgets it, the secret key stays.
    await service.saveRequest(
      moved,
      '',
      request({ name: 'Bucket', auth: { ...aws, sessionToken: '' } }),
    )
    expect((await service.readRequest(moved)).auth).toEqual({ ...aws, sessionToken: '' })

    const digest = { type: 'digest' as const, username: 'qa', password: TOKEN }
    const d = await service.saveRequest(null, '', request({ name: 'Digest', auth: digest }))
    expect(readFileSync(join(dir, d), 'utf8')).not.toContain(TOKEN)
    expect((await service.readRequest(d)).auth).toEqual(digest)

    const ntlm = {
      type: 'ntlm' as const,
      username: 'CORP\\qa',
      password: TOKEN,
      domain: '',
      workstation: 'WS',
    }
    const n = await service.saveRequest(null, '', request({ name: 'NTLM', auth: ntlm }))
    expect(readFileSync(join(dir, n), 'utf8')).not.toContain(TOKEN)
    expect((await service.readRequest(n)).auth).toEqual(ntlm)
  })
})

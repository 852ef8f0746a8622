import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileConsentStore } from '../../../electron/core/files/fileConsentStore'
import { HttpEngine } from '../../../electron/core/http/engine'
import { listGate, type FileGate } from '../../../electron/core/http/fileGate'
import type { SendResult } from '../../../shared/ipc/contract'
import { startHttpbin, type RunningServer } from '../../servers'
import { jsonBody, spec } from './spec'

let httpbin: RunningServer
const engine = new HttpEngine()
const root = mkdtempSync(join(tmpdir(), 'courier-file-gate-'))
const workspace = join(root, 'workspace')
const secret = join(root, 'id_rsa')

beforeAll(async () => {
  httpbin = await startHttpbin()
  mkdirSync(join(workspace, 'files'), { recursive: true })
  writeFileSync(join(workspace, 'files', 'payload.txt'), 'payload')
  writeFileSync(secret, 'PRIVATE KEY')
  symlinkSync(secret, join(workspace, 'files', 'innocent.txt'))
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

const upload = (path: string, files?: FileGate): Promise<SendResult> =>
  engine.send({
    spec: spec({ method: 'PUT', url: `${httpbin.url}/put`, body: { type: 'binary', path } }),
    ...(files && { files }),
  })

const multipart = (path: string, files: FileGate): Promise<SendResult> =>
  engine.send({
    spec: spec({
      method: 'POST',
      url: `${httpbin.url}/post`,
      body: { type: 'multipart', parts: [{ kind: 'file', key: 'f', path, enabled: true }] },
    }),
    files,
  })

describe('the engine reads no local file the gate does not allow', () => {
  it('refuses an unconfirmed file with FILE_NOT_CONFIRMED naming it, sending nothing', async () => {
    for (const result of [
      await upload(secret),
      await upload(secret, listGate(workspace, [])),
      await multipart(secret, listGate(workspace, [])),
    ]) {
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('FILE_NOT_CONFIRMED')
      expect(result.error.file).toBe(secret)
      expect(result.error.message).toContain(`"${secret}"`)
      expect(result.error.hint).toContain('--allow-file')
    }
  })

  it('sends a confirmed file', async () => {
    const result = await multipart(secret, listGate(workspace, [secret]))
    expect(result.ok && jsonBody(result.response.body).files).toEqual({ f: 'PRIVATE KEY' })
  })

  it('reads a relative path from the workspace folder, never the working directory', async () => {
    const file = join(workspace, 'files', 'payload.txt')
    const result = await upload('files/payload.txt', listGate(workspace, [file]))
    expect(result.ok && jsonBody(result.response.body).data).toBe('payload')
    const refused = await upload('files/payload.txt', listGate(null, [file]))
    expect(!refused.ok && refused.error.code).toBe('BODY_FILE')
    expect(!refused.ok && refused.error.message).toMatch(/relative.*no workspace folder/)
  })

  it('checks where a symbolic link leads, not its name', async () => {
    const link = join(workspace, 'files', 'innocent.txt')
    const result = await upload('files/innocent.txt', listGate(workspace, [link]))
    expect(!result.ok && result.error.code).toBe('FILE_NOT_CONFIRMED')
    expect(!result.ok && result.error.message).toContain(`a link to "${secret}"`)
  })

  it('a missing file is reported as missing, not as one to confirm', async () => {
    const result = await upload(join(workspace, 'gone.bin'), listGate(workspace, []))
    expect(!result.ok && result.error.code).toBe('BODY_FILE')
  })
})

describe('FileConsentStore', () => {
  it('keeps consents per workspace in the data directory, across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-consents-'))
    const store = new FileConsentStore(dataDir)
    expect(await store.gate(workspace).allows(secret)).toBe(false)
    expect(await store.allow(workspace, secret)).toBe(secret)
    const again = new FileConsentStore(dataDir)
    expect(await again.gate(workspace).allows(secret)).toBe(true)
    // Another workspace, or a request outside one, still asks.
    expect(await again.gate(join(root, 'other')).allows(secret)).toBe(false)
    expect(await again.gate(null).allows(secret)).toBe(false)
    // Once: for one send only.
    expect(await again.gate(null, [secret]).allows(secret)).toBe(true)
    expect(await again.gate(null).allows(secret)).toBe(false)
  })

  it('moves a corrupt file aside and says so, asking again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-consents-'))
    writeFileSync(join(dataDir, 'file-consents.json'), '{"schemaVersion": 1, "scopes": 3}')
    const notices: string[] = []
    const store = new FileConsentStore(dataDir, (m) => notices.push(m))
    expect(await store.gate(workspace).allows(secret)).toBe(false)
    expect(notices.join()).toMatch(/could not be read and was moved to .*corrupt/)
  })
})

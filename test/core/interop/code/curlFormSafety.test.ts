import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCode } from '../../../../electron/core/interop/code/codeLanguages'
import type { MultipartPart, RequestSpec } from '../../../../shared/model/request'
import { startRecordingServer, type RecordedRequest } from '../../../servers/recordingServer'
import type { RunningServer } from '../../../servers/listen'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'courier-curl-form-'))
const MARKER = 'PRIVATE-KEY-MATERIAL-d41d8cd9'
const secret = join(dir, 'id_rsa')
const upload = join(dir, 'upload.txt')
let server: RunningServer & { requests: RecordedRequest[] }

beforeAll(async () => {
  writeFileSync(secret, MARKER)
  writeFileSync(upload, 'the chosen file')
  server = await startRecordingServer()
})
afterAll(() => server.close())

/** Runs the curl command Courier generates for these parts; answers what the server got. */
async function sentByCurl(parts: MultipartPart[]): Promise<{ code: string; body: string }> {
  const spec: RequestSpec = {
    method: 'POST',
    url: `${server.url}/form`,
    params: [],
    headers: [],
    body: { type: 'multipart', parts },
    auth: { type: 'none' },
    settings: {},
  }
  const code = generateCode(spec, {}, 'curl')
  const before = server.requests.length
  await run('/bin/sh', ['-c', code], { timeout: 20_000 })
  expect(server.requests.length, code).toBe(before + 1)
  return { code, body: server.requests.at(-1)!.body }
}

const text = (key: string, value: string, contentType?: string): MultipartPart => ({
  kind: 'text',
  key,
  value,
  enabled: true,
  ...(contentType && { contentType }),
})

describe('generated curl never reads a local file a multipart key or value names', () => {
  it.each([
    ['a value starting with @', [text('v', `@${secret}`)]],
    ['a value starting with <', [text('v', `<${secret}`)]],
    ['a value with ;type= and a content type', [text('v', `x;headers=@${secret}`, 'text/plain')]],
    ['a content type with ;headers=@file', [text('v', 'x', `text/plain;headers=@${secret}`)]],
    ['a key with =@file', [text(`k=@${secret}`, 'x'), text('ok', 'kept')]],
    [
      'a key with =<file and a type',
      [text(`k=<${secret};`, 'x', 'text/plain'), text('ok', 'kept')],
    ],
    [
      'a file part with a hostile key and type',
      [
        {
          kind: 'file',
          key: `f=@${secret}`,
          path: upload,
          enabled: true,
        },
        {
          kind: 'file',
          key: 'g',
          path: upload,
          enabled: true,
          contentType: `text/plain;headers=@${secret}`,
        },
      ],
    ],
  ] as [string, MultipartPart[]][])('%s', async (_name, parts) => {
    const { code, body } = await sentByCurl(parts)
    expect(body, code).not.toContain(MARKER)
    // What could be sent was sent: the values as text, the chosen file's bytes.
    if (parts.some((p) => p.key === 'ok')) expect(body).toContain('kept')
    if (parts.some((p) => p.kind === 'file' && p.key === 'g')) {
      expect(body).toContain('the chosen file')
    }
    if (parts.length === 1 && parts[0]!.kind === 'text' && !parts[0]!.key.includes('=')) {
      expect(body).toContain(parts[0]!.value)
    }
  })
})

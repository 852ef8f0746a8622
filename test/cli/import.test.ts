import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const bin = resolve('bin/courier.mjs')

async function courier(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-import-data-'))
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      timeout: 30_000,
      env: { ...process.env, COURIER_DATA_DIR: dataDir },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }
  }
}

describe('courier import', () => {
  it('imports a collection into a new workspace folder and prints the report', async () => {
    const into = join(mkdtempSync(join(tmpdir(), 'courier-import-')), 'ws')
    const out = await courier([
      'import',
      'test/fixtures/interop/postman-v21.collection.json',
      '--into',
      into,
    ])
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(out.stdout).toContain(
      'Imported postman-collection v2.1 into Shop API: 9 requests, 3 folders, 0 environments.',
    )
    expect(out.stdout).toContain(
      'Note: Request "OAuth call": oauth2 authentication is not supported',
    )
    expect(existsSync(join(into, 'courier.json'))).toBe(true)
    const saved = JSON.parse(
      readFileSync(join(into, 'Shop API', 'Users', 'List users.request.json'), 'utf8'),
    )
    expect(saved).toMatchObject({ method: 'GET', url: '{{base_url}}/users' })
  })

  it('imports an OpenAPI document with its environments into an existing workspace', async () => {
    const into = join(mkdtempSync(join(tmpdir(), 'courier-import-')), 'ws')
    await courier(['import', 'test/fixtures/interop/sample.har', '--into', into])
    const out = await courier([
      'import',
      'test/fixtures/interop/openapi-3.0.yaml',
      '--into',
      into,
      '--format',
      'openapi',
    ])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('6 requests, 2 folders, 2 environments')
    expect(existsSync(join(into, 'sample'))).toBe(true)
  })

  it('refuses a broken file with exit 2 and a clear message, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-import-'))
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{\n  "info": {\n    "name": x\n  }\n}')
    const into = join(dir, 'ws')
    const out = await courier(['import', bad, '--into', into])
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('"bad.json" is not valid JSON at line 3, column 13')
    expect(out.stderr).toContain('Nothing was imported.')
    expect(existsSync(into)).toBe(false)
  })
})

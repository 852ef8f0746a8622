import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCourier, tempDir } from './runCourier'

/** Each run on its own fresh data directory. */
const courier = (args: string[]) => runCourier(args, { dataDir: tempDir('courier-import-data-') })

describe('courier import', () => {
  it('imports a collection into a new workspace folder and prints the report', async () => {
    const into = join(tempDir('courier-import-'), 'ws')
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
      'Note: Request "GraphQL query": its GraphQL body became a JSON body',
    )
    expect(existsSync(join(into, 'courier.json'))).toBe(true)
    const saved = JSON.parse(
      readFileSync(join(into, 'Shop API', 'Users', 'List users.request.json'), 'utf8'),
    )
    expect(saved).toMatchObject({ method: 'GET', url: '{{base_url}}/users' })
  })

  it('imports an OpenAPI document with its environments into an existing workspace', async () => {
    const into = join(tempDir('courier-import-'), 'ws')
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
    const dir = tempDir('courier-import-')
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

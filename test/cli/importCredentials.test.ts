import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, type RunningServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

// `courier import` holds back every literal credential (its secret store ends with the
// command) and says how to provide it; `courier send` refuses to go without it (exit 2).
const PASSWORD = 'SENTINEL-pw-41c9'
let httpbin: RunningServer
const dataDir = tempDir('courier-cred-data-')
const into = join(tempDir('courier-cred-'), 'ws')
const courier = (args: string[], vars?: Record<string, string>) =>
  runCourier(args, { dataDir, vars })

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(() => httpbin?.close())

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('credentials through courier import and courier send', () => {
  it('the import report names the held-back Basic password and how to provide it', async () => {
    const collection = join(tempDir('courier-cred-src-'), 'basic.postman_collection.json')
    writeFileSync(
      collection,
      JSON.stringify({
        info: {
          name: 'Basic API',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [
          {
            name: 'Who am I',
            request: {
              method: 'GET',
              url: `${httpbin.url}/basic-auth/user/${PASSWORD}`,
              auth: {
                type: 'basic',
                basic: [
                  { key: 'username', value: 'user' },
                  { key: 'password', value: PASSWORD },
                ],
              },
            },
          },
        ],
      }),
    )
    const out = await courier(['import', collection, '--into', into])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain(
      'Note: The Basic auth password of "Basic API/Who am I" was held back, not written to disk: it now reads {{basic_password}}. Provide it with COURIER_VAR_basic_password=…',
    )
    for (const file of filesUnder(into)) {
      const text = readFileSync(file, 'utf8')
      // The URL holds it too, by this test's design: only the auth field is checked.
      if (file.endsWith('.request.json'))
        expect(JSON.parse(text).auth.password).toBe('{{basic_password}}')
    }
  })

  it('courier send without the password is refused with exit 2, naming the field and the variable', async () => {
    const out = await courier(['send', 'Basic API/Who am I', '--workspace', into])
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('[MISSING_CREDENTIAL]')
    expect(out.stderr).toContain('The Basic auth password comes from {{basic_password}}')
    expect(out.stderr).toContain('COURIER_VAR_basic_password=')
  })

  it('courier send with COURIER_VAR_basic_password authenticates', async () => {
    const out = await courier(['send', 'Basic API/Who am I', '--workspace', into], {
      basic_password: PASSWORD,
    })
    expect(out.code).toBe(0)
    expect(out.stderr).toMatch(/^200 OK/)
    expect(out.stdout).toMatch(/^HTTP\/1\.1 200/)
    expect(out.stdout).toMatch(/"authenticated": ?true/)
  })
})

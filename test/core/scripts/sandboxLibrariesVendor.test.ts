import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { VENDORED_FILES } from '../../../electron/core/scripts/sandbox/libraries'

const VENDOR = 'vendor/sandbox-libraries'
const fresh = mkdtempSync(join(tmpdir(), 'courier-vendor-'))
afterAll(() => rmSync(fresh, { recursive: true, force: true }))

// The bundles in vendor/sandbox-libraries are committed: they must be exactly what the
// script makes from the locked packages, so an update of one is never half done.
describe('vendor/sandbox-libraries', () => {
  it('holds what scripts/build-sandbox-libraries.mjs makes from the locked packages, one file per module the kernel lends', async () => {
    await promisify(execFile)(process.execPath, ['scripts/build-sandbox-libraries.mjs', fresh])
    const made = readdirSync(fresh).sort()
    expect(made).toEqual([...Object.values(VENDORED_FILES), 'versions.json'].sort())
    for (const file of made) {
      const committed = readFileSync(join(VENDOR, file), 'utf8')
      expect(
        committed === readFileSync(join(fresh, file), 'utf8'),
        `${file} is stale: run npm run vendor:sandbox-libraries`,
      ).toBe(true)
    }
  })
})

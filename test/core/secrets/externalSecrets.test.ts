import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  envOverrides,
  readExternalOverrides,
  SecretsFileError,
} from '../../../electron/core/secrets/externalSecrets'

const dir = mkdtempSync(join(tmpdir(), 'courier-ext-secrets-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('external secret sources', () => {
  it('reads COURIER_VAR_<NAME> with the name as written, ignoring other variables', () => {
    expect(
      envOverrides({
        COURIER_VAR_token: 'abc',
        COURIER_VAR_Base_URL: 'http://x',
        COURIER_VAR_: 'no name',
        COURIER_DATA_DIR: '/tmp',
        courier_var_lower: 'not the prefix',
        PATH: '/bin',
      }),
    ).toEqual({ token: 'abc', Base_URL: 'http://x' })
  })

  it('merges a secrets file under the environment variables', () => {
    const secretsFile = file('ok.json', '{"token": "from-file", "user": "jane"}')
    expect(readExternalOverrides({ env: { COURIER_VAR_token: 'from-env' }, secretsFile })).toEqual({
      token: 'from-env',
      user: 'jane',
    })
    expect(readExternalOverrides({ env: {} })).toEqual({})
  })

  it.each([
    ['missing.json', null, /missing\.json does not exist/],
    ['bad.json', '{"token": ', /bad\.json is not valid JSON/],
    ['array.json', '["token"]', /array\.json must hold a JSON object .* not an array/],
    [
      'number.json',
      '{"port": 8080}',
      /number\.json: the value of "port" must be a string, not a number/,
    ],
  ])('names the file and the problem: %s', (name, text, message) => {
    const secretsFile = text === null ? join(dir, name) : file(name, text)
    const read = () => readExternalOverrides({ env: {}, secretsFile })
    expect(read).toThrow(SecretsFileError)
    expect(read).toThrow(message)
    expect(read).toThrow(dir)
  })

  it('says so when the secrets file is a folder', () => {
    const folder = join(dir, 'folder.json')
    mkdirSync(folder, { recursive: true })
    expect(() => readExternalOverrides({ env: {}, secretsFile: folder })).toThrow(/is a folder/)
  })
})

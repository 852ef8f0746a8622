import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  EncryptedSecretStore,
  NO_KEYRING_WARNING,
  SECRETS_STORE_KEY,
  type SecretCipher,
} from '../../../electron/core/secrets/encryptedSecretStore'
import { secretKey } from '../../../electron/core/secrets/secretStore'
import { openConfStore } from '../../../electron/core/storage/openConfStore'

const SENTINEL = 'sk-live-SENTINEL-4f1c'

/** A reversible stand-in for safeStorage: XOR with a fixed key, so clear text never shows. */
function xorCipher(available = true): SecretCipher & { calls: number } {
  const key = Buffer.from('courier-test-key')
  const xor = (data: Buffer) => Buffer.from(data.map((b, i) => b ^ key[i % key.length]!))
  return {
    available,
    calls: 0,
    encrypt(text) {
      this.calls++
      return xor(Buffer.from(text, 'utf8'))
    },
    decrypt(data) {
      this.calls++
      return xor(data).toString('utf8')
    },
  }
}

/** Every file the store left in `dir`, concatenated. */
function filesOn(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'courier-secrets-'))

describe('EncryptedSecretStore', () => {
  it('keeps only ciphertext on disk and reads the value back', () => {
    const dir = freshDir()
    const key = secretKey('/home/jane/.config/api.v2', 'env:staging', 'token')
    const secrets = new EncryptedSecretStore(openConfStore(dir), xorCipher())
    secrets.set(key, SENTINEL)

    expect(secrets.warning).toBeNull()
    expect(secrets.get(key)).toBe(SENTINEL)
    const onDisk = filesOn(dir)
    expect(onDisk).toContain(`"${SECRETS_STORE_KEY}"`)
    expect(onDisk).not.toContain(SENTINEL)
    expect(onDisk).not.toContain(Buffer.from(SENTINEL).toString('base64'))

    // A second process (the CLI, the next start) decrypts what the first wrote.
    const reopened = new EncryptedSecretStore(openConfStore(dir), xorCipher())
    expect(reopened.get(key)).toBe(SENTINEL)
  })

  it('deletes a value from disk, leaving the others', () => {
    const dir = freshDir()
    const secrets = new EncryptedSecretStore(openConfStore(dir), xorCipher())
    secrets.set('a', 'first')
    secrets.set('b', 'second')
    secrets.delete('a')
    secrets.delete('never-set')
    const reopened = new EncryptedSecretStore(openConfStore(dir), xorCipher())
    expect([reopened.get('a'), reopened.get('b')]).toEqual([undefined, 'second'])
  })

  it('treats a value it cannot decrypt as missing instead of failing', () => {
    const dir = freshDir()
    new EncryptedSecretStore(openConfStore(dir), xorCipher()).set('k', SENTINEL)
    const otherKeyring: SecretCipher = {
      available: true,
      encrypt: () => Buffer.alloc(0),
      decrypt: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage')
      },
    }
    expect(new EncryptedSecretStore(openConfStore(dir), otherKeyring).get('k')).toBeUndefined()
  })

  it('without a keyring, warns and keeps values in memory only', () => {
    const dir = freshDir()
    const cipher = xorCipher(false)
    const secrets = new EncryptedSecretStore(openConfStore(dir), cipher)
    secrets.set('k', SENTINEL)

    expect(secrets.warning).toBe(NO_KEYRING_WARNING)
    expect(secrets.get('k')).toBe(SENTINEL)
    expect(cipher.calls).toBe(0)
    expect(openConfStore(dir).get(SECRETS_STORE_KEY)).toBeUndefined()
    expect(filesOn(dir)).not.toContain(SENTINEL)
    expect(new EncryptedSecretStore(openConfStore(dir), xorCipher(false)).get('k')).toBeUndefined()
    secrets.delete('k')
    expect(secrets.get('k')).toBeUndefined()
  })
})

import type { KeyValueStore } from '../storage/keyValueStore'
import type { SecretStore } from './secretStore'

/**
 * Encryption by the OS keyring (Electron's safeStorage in the app). Core never imports
 * Electron: the shell passes an object of this shape.
 */
export interface SecretCipher {
  encrypt(text: string): Buffer
  decrypt(data: Buffer): string
  /** False where the OS offers no keyring: nothing is then written to disk. */
  available: boolean
}

/** What the user is told when the OS has no keyring. */
export const NO_KEYRING_WARNING =
  'This system has no keyring, so secret values are kept in memory only and are lost when Courier closes.'

/** The settings key holding `{ [secretKey]: base64 ciphertext }`. */
export const SECRETS_STORE_KEY = 'secrets'

/**
 * Secret values encrypted with the OS keyring and kept, as base64 ciphertexts only, under
 * the `secrets` key of the settings store. Without a keyring, values live in memory for
 * this run and `warning` says so; clear text is never written.
 */
export class EncryptedSecretStore implements SecretStore {
  readonly warning: string | null
  private readonly memory = new Map<string, string>()

  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: SecretCipher,
  ) {
    this.warning = cipher.available ? null : NO_KEYRING_WARNING
  }

  get(key: string): string | undefined {
    if (!this.cipher.available) return this.memory.get(key)
    const sealed = this.read()[key]
    if (sealed === undefined) return undefined
    try {
      return this.cipher.decrypt(Buffer.from(sealed, 'base64'))
    } catch {
      // Sealed by another keyring (e.g. the profile moved machines): the value is unreadable,
      // which the UI shows as an empty secret to fill in again.
      return undefined
    }
  }

  set(key: string, value: string): void {
    if (!this.cipher.available) {
      this.memory.set(key, value)
      return
    }
    const sealed = this.cipher.encrypt(value).toString('base64')
    this.store.set(SECRETS_STORE_KEY, { ...this.read(), [key]: sealed })
  }

  delete(key: string): void {
    if (!this.cipher.available) {
      this.memory.delete(key)
      return
    }
    const all = this.read()
    if (!Object.hasOwn(all, key)) return
    delete all[key]
    this.store.set(SECRETS_STORE_KEY, all)
  }

  private read(): Record<string, string> {
    const raw = this.store.get(SECRETS_STORE_KEY)
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {}
    return Object.fromEntries(
      Object.entries(raw).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  }
}

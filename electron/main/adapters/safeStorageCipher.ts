import { safeStorage } from 'electron'
import type { SecretCipher } from '../../core/secrets/encryptedSecretStore'

/**
 * Electron's safeStorage as the secret store's cipher. Call after `app.whenReady()`: on
 * Linux the backend is only chosen then. There, `basic_text` means no keyring was found
 * and values would be "encrypted" with a hard-coded password, so it counts as unavailable
 * (and `unknown`, which is only reported before ready, too).
 */
export function safeStorageCipher(): SecretCipher {
  const linuxWithoutKeyring =
    process.platform === 'linux' &&
    ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())
  return {
    available: safeStorage.isEncryptionAvailable() && !linuxWithoutKeyring,
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}

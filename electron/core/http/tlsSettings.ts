import type { TlsSettings, TlsSettingsPatch } from '../../../shared/model/tls'
import { secretKey, type SecretStore } from '../secrets/secretStore'
import type { HttpEngine } from './engine'
import { loadTlsMaterial, TlsFileError, type TlsMaterial } from './tlsMaterial'

/** A client certificate's passphrase key in the secret store (one per certificate id). */
export function passphraseKey(certId: string): string {
  return secretKey('', 'settings', `tls passphrase ${certId}`)
}

/**
 * The TLS settings to save from an update: each typed passphrase goes to the secret store
 * and only `hasPassphrase` to the settings file; a certificate sent without one keeps the
 * saved one; a removed certificate's passphrase is forgotten. Without a secret store a
 * passphrase is dropped, never written in clear.
 */
export function keepTlsPassphrases(
  patch: TlsSettingsPatch,
  current: TlsSettings,
  secrets: SecretStore | undefined,
): Partial<TlsSettings> {
  const { clientCerts, ...rest } = patch
  if (clientCerts === undefined) return rest
  const kept = clientCerts.map(({ passphrase, ...cert }) => {
    const before = current.clientCerts.find((c) => c.id === cert.id)?.hasPassphrase ?? false
    if (passphrase === undefined || !secrets) return { ...cert, hasPassphrase: before }
    if (passphrase === '') secrets.delete(passphraseKey(cert.id))
    else secrets.set(passphraseKey(cert.id), passphrase)
    return { ...cert, hasPassphrase: passphrase !== '' }
  })
  for (const old of current.clientCerts) {
    if (!kept.some((c) => c.id === old.id)) secrets?.delete(passphraseKey(old.id))
  }
  return { ...rest, clientCerts: kept }
}

/** Reads and checks the files the settings name (throws a TlsFileError naming a bad one). */
export function tlsMaterialOf(
  settings: TlsSettings,
  secrets: SecretStore | undefined,
): TlsMaterial {
  return loadTlsMaterial({
    caFiles: settings.caFiles,
    clientCerts: settings.clientCerts.map((cert) => {
      const passphrase = cert.hasPassphrase ? secrets?.get(passphraseKey(cert.id)) : undefined
      return {
        host: cert.host,
        ...(cert.pfxFile ? { pfxFile: cert.pfxFile } : {}),
        ...(cert.certFile ? { certFile: cert.certFile } : {}),
        ...(cert.keyFile ? { keyFile: cert.keyFile } : {}),
        ...(passphrase !== undefined && { passphrase }),
      }
    }),
    minVersion: settings.minVersion,
  })
}

/**
 * Reads the files the settings name and gives them to the engine. A file that cannot be
 * used does not throw: the engine keeps the error and fails each send with it (naming the
 * file) until the settings change.
 */
export function applyTlsSettings(
  engine: HttpEngine,
  settings: TlsSettings,
  secrets: SecretStore | undefined,
): void {
  try {
    engine.useTls(tlsMaterialOf(settings, secrets))
  } catch (error) {
    if (!(error instanceof TlsFileError)) throw error
    engine.useTls(undefined)
    engine.tlsUnusable(error)
  }
}

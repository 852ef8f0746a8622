import type { TlsTestResult } from '../../../shared/ipc/tlsCalls'
import { emptyRequest } from '../../../shared/model/request'
import type { TlsSettings, TlsSettingsPatch } from '../../../shared/model/tls'
import type { SecretStore } from '../secrets/secretStore'
import { HttpEngine } from './engine'
import type { RouteSource } from './hopSender'
import { clientCertFor } from './tlsAgents'
import { loadTlsMaterial, TlsFileError, type ClientCertFiles } from './tlsMaterial'
import { passphraseKey } from './tlsSettings'

export interface TlsTestDeps {
  /** The saved settings, for what the form leaves out and the saved passphrases. */
  saved: () => TlsSettings
  secrets?: SecretStore
  /** Where sends go (the saved proxy settings), so the test takes the same route. */
  proxy?: RouteSource
}

const TIMEOUT_MS = 15_000

const NONE = { protocol: '', cipher: '', subject: '', issuer: '', clientCert: null }

/** The form's client certificates as files: a typed passphrase, else the saved one. */
function certFiles(form: TlsSettingsPatch, deps: TlsTestDeps): ClientCertFiles[] {
  const saved = deps.saved()
  const certs =
    form.clientCerts ?? saved.clientCerts.map(({ id, host, ...files }) => ({ id, host, ...files }))
  return certs.map((cert) => {
    const typed = 'passphrase' in cert ? cert.passphrase : undefined
    const kept = saved.clientCerts.find((c) => c.id === cert.id)?.hasPassphrase
      ? deps.secrets?.get(passphraseKey(cert.id))
      : undefined
    const passphrase = typed === undefined ? kept : typed === '' ? undefined : typed
    return {
      host: cert.host,
      ...(cert.certFile ? { certFile: cert.certFile } : {}),
      ...(cert.keyFile ? { keyFile: cert.keyFile } : {}),
      ...(cert.pfxFile ? { pfxFile: cert.pfxFile } : {}),
      ...(passphrase !== undefined && { passphrase }),
    }
  })
}

/**
 * "Test TLS": a HEAD to an https URL with the TLS settings as edited (nothing saved), on
 * an engine of its own so no kept-alive socket is shared with real sends, always verifying
 * the server; says what the handshake settled on, or why it failed.
 */
export async function testTls(
  form: TlsSettingsPatch,
  url: string,
  deps: TlsTestDeps,
): Promise<TlsTestResult> {
  let target: URL
  try {
    target = new URL(url.trim())
  } catch {
    target = new URL('invalid:')
  }
  if (target.protocol !== 'https:') {
    const message = `"${url}" is not an https:// URL, so there is no TLS to test.`
    return { ok: false, ...NONE, message, hint: 'Type the https:// address of the server.' }
  }
  let material
  try {
    material = loadTlsMaterial({
      caFiles: form.caFiles ?? deps.saved().caFiles,
      clientCerts: certFiles(form, deps),
      minVersion: form.minVersion ?? deps.saved().minVersion,
    })
  } catch (error) {
    if (!(error instanceof TlsFileError)) throw error
    const hint = 'Fix or remove that file in this dialog, then test again.'
    return { ok: false, ...NONE, message: error.message, hint }
  }
  const port = target.port || '443'
  const clientCert = clientCertFor(material.clientCerts, target.hostname, port)?.host ?? null
  const engine = new HttpEngine({ tls: material, ...(deps.proxy && { proxy: deps.proxy }) })
  try {
    const result = await engine.send({
      spec: {
        ...emptyRequest(),
        method: 'HEAD',
        url: target.href,
        settings: { timeoutMs: TIMEOUT_MS, verifyTls: true, followRedirects: false },
      },
    })
    if (!result.ok) {
      const { message, hint } = result.error
      return { ok: false, ...NONE, clientCert, message, hint }
    }
    const { tls, status, statusText } = result.response
    const leaf = tls?.chain[0]
    const found = {
      protocol: tls?.protocol ?? '',
      cipher: tls?.cipher ?? '',
      subject: leaf?.subject ?? '',
      issuer: leaf?.issuer ?? '',
      clientCert,
    }
    const presented = clientCert
      ? `presented the client certificate for "${clientCert}"`
      : 'presented no client certificate'
    const message =
      `TLS with ${target.host}: ${found.protocol}, ${found.cipher}; the server is ` +
      `"${found.subject}", issued by "${found.issuer}"; Courier ${presented}. ` +
      `It answered ${status} ${statusText}`.trim() +
      '.'
    return { ok: true, ...found, message, hint: '' }
  } finally {
    engine.close()
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passphraseKey } from '../../../electron/core/http/tlsSettings'
import { testTls, type TlsTestDeps } from '../../../electron/core/http/tlsTest'
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore'
import { TlsSettingsSchema } from '../../../shared/model/tls'
import { startMtlsServer } from '../../servers/mtlsServer'
import { makeTestPki, type TestPki } from '../../servers/tlsPki'
import type { RunningServer } from '../../servers/listen'

// "Test TLS" tries the TLS settings as edited against a real mutual-TLS server.
let pki: TestPki
let mtls: RunningServer

beforeAll(async () => {
  pki = makeTestPki()
  mtls = await startMtlsServer(pki)
})
afterAll(() => mtls.close())

const nothingSaved: TlsTestDeps = { saved: () => TlsSettingsSchema.parse({}) }
const cert = (over: object = {}) => ({
  id: 'c1',
  host: '127.0.0.1',
  certFile: pki.clientCert,
  keyFile: pki.clientKey,
  ...over,
})

describe('Test TLS', () => {
  it('reports the protocol, cipher, server certificate and the client certificate presented', async () => {
    const result = await testTls(
      { caFiles: [pki.caCert], clientCerts: [cert()] },
      `${mtls.url}/`,
      nothingSaved,
    )
    expect(result).toMatchObject({
      ok: true,
      protocol: 'TLSv1.3',
      subject: 'CN=localhost',
      issuer: 'CN=Courier Test CA',
      clientCert: '127.0.0.1',
      hint: '',
    })
    expect(result.cipher).toMatch(/^TLS_/)
    expect(result.message).toContain('presented the client certificate for "127.0.0.1"')
    expect(result.message).toMatch(/It answered 200 OK\.$/)
  })

  it('words the TLS errors: an untrusted CA, a missing client certificate, a bad file, no https', async () => {
    const untrusted = await testTls({}, `${mtls.url}/`, nothingSaved)
    expect(untrusted.ok).toBe(false)
    expect(untrusted.message).toMatch(/^The TLS connection to 127\.0\.0\.1:\d+ failed: the server/)
    expect(untrusted.hint).toMatch(/add its CA certificate under Settings → TLS/)

    const noCert = await testTls({ caFiles: [pki.caCert] }, `${mtls.url}/`, nothingSaved)
    expect(noCert.message).toMatch(/requires a client certificate and none was sent/)
    expect(noCert.clientCert).toBeNull()

    const badFile = await testTls({ caFiles: [pki.clientKey] }, `${mtls.url}/`, nothingSaved)
    expect(badFile.message).toBe(
      `The CA file "${pki.clientKey}" is not a PEM certificate: it has no "-----BEGIN CERTIFICATE-----" block.`,
    )
    expect(badFile.hint).toMatch(/Fix or remove that file/)

    const plain = await testTls({}, 'http://127.0.0.1:1/', nothingSaved)
    expect(plain.message).toBe(
      '"http://127.0.0.1:1/" is not an https:// URL, so there is no TLS to test.',
    )
  })

  it('a blank passphrase uses the saved one; a typed one replaces it', async () => {
    const secrets = new MemorySecretStore(null)
    secrets.set(passphraseKey('c1'), pki.passphrase)
    const saved = TlsSettingsSchema.parse({
      clientCerts: [{ ...cert({ keyFile: pki.clientKeyEncrypted }), hasPassphrase: true }],
    })
    const deps: TlsTestDeps = { saved: () => saved, secrets }
    const form = { caFiles: [pki.caCert], clientCerts: [cert({ keyFile: pki.clientKeyEncrypted })] }
    expect((await testTls(form, `${mtls.url}/`, deps)).ok).toBe(true)
    const wrong = { ...form, clientCerts: [{ ...form.clientCerts[0]!, passphrase: 'nope' }] }
    const refused = await testTls(wrong, `${mtls.url}/`, deps)
    expect(refused.message).toBe(`Wrong passphrase for the key file "${pki.clientKeyEncrypted}".`)
  })
})

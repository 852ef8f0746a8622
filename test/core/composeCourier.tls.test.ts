import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall, type SendResult } from '../../shared/ipc'
import { composeCourier, type ComposedCourier } from '../../electron/core/composeCourier'
import { passphraseKey } from '../../electron/core/http/tlsSettings'
import { MemorySecretStore } from '../../electron/core/secrets/memorySecretStore'
import { openConfStore } from '../../electron/core/storage/openConfStore'
import { startMtlsServer } from '../servers/mtlsServer'
import { makeTestPki, type TestPki } from '../servers/tlsPki'
import type { RunningServer } from '../servers/listen'

let pki: TestPki
let mtls: RunningServer
let dataDir: string
let secrets: MemorySecretStore
let courier: ComposedCourier

function compose(): ComposedCourier {
  return composeCourier({
    dataDir,
    store: openConfStore(dataDir),
    secrets,
    notices: [],
    appInfo: { version: 'test', shell: 'web', canPickFiles: false },
    pickFile: async () => null,
    pickFolder: async () => null,
    saveBody: async () => ({ ok: false, message: 'not in this test' }) as never,
    saveReport: async () => null as never,
    emit: () => {},
  })
}

const send = (url: string): Promise<SendResult> =>
  dispatchCall(courier.service, 'http:send', {
    requestId: `r-${Math.random()}`,
    spec: { method: 'GET', url: `${url}/` },
  }) as Promise<SendResult>

beforeAll(async () => {
  pki = makeTestPki()
  mtls = await startMtlsServer(pki)
  dataDir = mkdtempSync(join(tmpdir(), 'courier-tlsapp-'))
  secrets = new MemorySecretStore()
  courier = compose()
})
afterAll(async () => {
  await courier.close()
  await mtls.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the app applies the saved TLS settings', () => {
  it('an unknown CA fails; saved CA and client certificate reach the server, also after a restart', async () => {
    const refused = await send(mtls.url)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('TLS')

    await dispatchCall(courier.service, 'settings:update', {
      tls: {
        caFiles: [pki.caCert],
        clientCerts: [
          {
            id: 'c1',
            host: '127.0.0.1',
            certFile: pki.clientCert,
            keyFile: pki.clientKeyEncrypted,
            passphrase: pki.passphrase,
          },
        ],
      },
    })
    const trusted = await send(mtls.url)
    expect(trusted.ok && trusted.response.status).toBe(200)

    // The passphrase is in the secret store, never in config.json.
    const config = readFileSync(join(dataDir, 'config.json'), 'utf8')
    expect(config).not.toContain(pki.passphrase)
    expect(config).toContain('"hasPassphrase": true')
    expect(secrets.get(passphraseKey('c1'))).toBe(pki.passphrase)

    // A new composition (the app started again) reads the same settings at start.
    await courier.close()
    courier = compose()
    const again = await send(mtls.url)
    expect(again.ok && again.response.status).toBe(200)
  })

  it('a file that cannot be read fails the send with a TLS message naming it', async () => {
    const missing = join(dataDir, 'no-such-ca.pem')
    await dispatchCall(courier.service, 'settings:update', { tls: { caFiles: [missing] } })
    const failed = await send(mtls.url)
    expect(failed.ok).toBe(false)
    if (failed.ok) return
    expect(failed.error.code).toBe('TLS')
    expect(failed.error.message).toBe(`Cannot read the CA file "${missing}": no such file.`)
    expect(failed.error.hint).toContain('Settings → TLS')

    // Forgetting the certificate also forgets its passphrase.
    await dispatchCall(courier.service, 'settings:update', {
      tls: { caFiles: [pki.caCert], clientCerts: [] },
    })
    expect(secrets.get(passphraseKey('c1'))).toBeUndefined()
  })
})

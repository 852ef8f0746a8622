import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMtlsServer } from '../servers/mtlsServer'
import { makeTestPki, type TestPki } from '../servers/tlsPki'
import type { RunningServer } from '../servers/listen'
import { runCourier, tempDir } from './runCourier'
import { runFixtures, status } from './runFixtures'

const dataDir = tempDir('courier-cli-tls-')
const send = (...args: string[]) => runCourier(['send', ...args, '--no-history'], { dataDir })
const fx = runFixtures('courier-cli-tls-run-')

let pki: TestPki
let mtls: RunningServer
let capped: RunningServer

beforeAll(async () => {
  pki = makeTestPki()
  ;[mtls, capped] = await Promise.all([
    startMtlsServer(pki),
    startMtlsServer(pki, { maxVersion: 'TLSv1.2' }),
  ])
})
afterAll(() => Promise.all([mtls.close(), capped.close()]))

describe('courier send: TLS flags', () => {
  it('an unknown CA fails with exit 2 naming --cacert; --cacert with --cert/--key succeeds', async () => {
    const unknown = await send('GET', `${mtls.url}/`)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/--cacert FILE/)

    const ok = await send(
      'GET',
      `${mtls.url}/`,
      ...['--cacert', pki.caCert, '--cert', pki.clientCert, '--key', pki.clientKey],
      ...['--output', 'json'],
    )
    expect(ok.code).toBe(0)
    const out = JSON.parse(ok.stdout)
    expect(JSON.parse(out.body)).toEqual({ client: 'Courier Test Client' })
    expect(out.tls.protocol).toBe('TLSv1.3')
    expect(out.tls.chain[1].subject).toBe('CN=Courier Test CA')
  })

  it('an encrypted key with --passphrase, or the passphrase in COURIER_CERT_PASSPHRASE, and --pfx', async () => {
    const withFlag = await send(
      'GET',
      `${mtls.url}/`,
      ...['--cacert', pki.caCert, '--cert', pki.clientCert, '--key', pki.clientKeyEncrypted],
      ...['--passphrase', pki.passphrase],
    )
    expect(withFlag.code).toBe(0)
    expect(withFlag.stdout).toContain('Courier Test Client')
    const pfx = await runCourier(
      [
        'send',
        'GET',
        `${mtls.url}/`,
        '--cacert',
        pki.caCert,
        '--pfx',
        pki.clientPfx,
        '--no-history',
      ],
      { dataDir, env: { COURIER_CERT_PASSPHRASE: pki.passphrase } },
    )
    expect(pfx.code).toBe(0)
    expect(pfx.stdout).toContain('Courier Test Client')
  })

  it('bad files exit 2 naming the file and what is wrong', async () => {
    const url = `${mtls.url}/`
    const notPem = await send('GET', url, '--cacert', pki.clientKey)
    expect(notPem).toMatchObject({ code: 2 })
    expect(notPem.stderr).toContain(`The CA file "${pki.clientKey}" is not a PEM certificate`)
    const wrong = await send('GET', url, '--pfx', pki.clientPfx, '--passphrase', 'nope')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain(`Wrong passphrase for the PFX file "${pki.clientPfx}".`)
    const mismatch = await send('GET', url, '--cert', pki.clientCert, '--key', pki.otherKey)
    expect(mismatch.code).toBe(2)
    expect(mismatch.stderr).toContain(
      `The key "${pki.otherKey}" does not match the certificate "${pki.clientCert}".`,
    )
  })

  it('--tls-min 1.3 refuses a server capped at TLSv1.2', async () => {
    const args = ['--cacert', pki.caCert, '--pfx', pki.clientPfx, '--passphrase', pki.passphrase]
    expect((await send('GET', `${capped.url}/`, ...args)).code).toBe(0)
    const refused = await send('GET', `${capped.url}/`, ...args, '--tls-min', '1.3')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/no TLS version in common/)
  })
})

describe('courier run: TLS flags', () => {
  it('presents the client certificate to every request of the run', async () => {
    const path = fx.collection([{ name: 'Mutual', url: `${mtls.url}/`, test: status(200) }])
    const without = await fx.courier([path, '--cacert', pki.caCert])
    expect(without.code).toBe(1)
    const run = await fx.courier([
      path,
      ...['--cacert', pki.caCert, '--cert', pki.clientCert, '--key', pki.clientKey],
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('✓  status 200')
  })

  it('a bad certificate file stops the run before it starts, exit 2', async () => {
    const path = fx.collection([{ name: 'Mutual', url: `${mtls.url}/` }])
    const run = await fx.courier([path, '--cert', pki.clientCert, '--key', pki.otherKey])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('does not match the certificate')
  })
})

import { rootCertificates } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { TlsAgents } from '../../../electron/core/http/tlsAgents'
import {
  loadTlsMaterial,
  TlsFileError,
  type TlsFiles,
} from '../../../electron/core/http/tlsMaterial'
import { startMtlsServer } from '../../servers/mtlsServer'
import { pem, makeTestPki, type TestPki } from '../../servers/tlsPki'
import type { RunningServer } from '../../servers/listen'
import { jsonBody, spec } from './spec'

let pki: TestPki
let mtls: RunningServer
let capped: RunningServer
let open: RunningServer

beforeAll(async () => {
  pki = makeTestPki()
  ;[mtls, capped, open] = await Promise.all([
    startMtlsServer(pki),
    startMtlsServer(pki, { maxVersion: 'TLSv1.2' }),
    startMtlsServer(pki, { requireClientCert: false }),
  ])
})
afterAll(() => Promise.all([mtls.close(), capped.close(), open.close()]))

const files = (over: Partial<TlsFiles>): TlsFiles => ({
  caFiles: [pki.caCert],
  clientCerts: [],
  minVersion: 'TLSv1.2',
  ...over,
})

async function send(url: string, tls?: TlsFiles) {
  const engine = new HttpEngine(tls ? { tls: loadTlsMaterial(tls) } : {})
  try {
    return await engine.send({ spec: spec({ url: `${url}/` }) })
  } finally {
    engine.close()
  }
}

async function clientOf(url: string, tls: TlsFiles): Promise<unknown> {
  const result = await send(url, tls)
  if (!result.ok) throw new Error(result.error.message)
  return jsonBody(result.response.body).client
}

describe('custom CA certificates', () => {
  it('a server of a private CA fails naming the fix, and succeeds once its CA file is added', async () => {
    const refused = await send(open.url)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('TLS')
    expect(refused.error.hint).toMatch(/CA certificate under Settings → TLS \(--cacert FILE/)

    const trusted = await send(open.url, files({}))
    expect(trusted.ok && trusted.response.status).toBe(200)
  })

  it('adds the CA files to Node’s default roots instead of replacing them', () => {
    const agents = new TlsAgents(loadTlsMaterial(files({})))
    expect(agents.ca).toEqual([...rootCertificates, pem(pki.caCert).trim()])
    const agent = agents.agentFor('example.com', '443', true)
    expect(agent.options.ca).toEqual(agents.ca)
    agents.destroy()
  })
})

describe('client certificates', () => {
  it('without one, the server’s refusal says a client certificate is required', async () => {
    for (const server of [mtls, capped]) {
      const result = await send(server.url, files({}))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.message).toMatch(/requires a client certificate and none was sent/)
      expect(result.error.hint).toMatch(/--cert FILE --key FILE, or --pfx FILE/)
    }
  })

  it('presents a PEM pair, an encrypted key with its passphrase, and a PFX', async () => {
    const host = '127.0.0.1'
    const plain = { host, certFile: pki.clientCert, keyFile: pki.clientKey }
    expect(await clientOf(mtls.url, files({ clientCerts: [plain] }))).toBe('Courier Test Client')
    const encrypted = { ...plain, keyFile: pki.clientKeyEncrypted, passphrase: pki.passphrase }
    expect(await clientOf(mtls.url, files({ clientCerts: [encrypted] }))).toBe(
      'Courier Test Client',
    )
    const pfx = { host, pfxFile: pki.clientPfx, passphrase: pki.passphrase }
    expect(await clientOf(mtls.url, files({ clientCerts: [pfx] }))).toBe('Courier Test Client')
  })

  it('picks the certificate by host pattern: another host’s certificate is not sent', async () => {
    const port = new URL(mtls.url).port
    const cert = (host: string) => ({ host, certFile: pki.clientCert, keyFile: pki.clientKey })
    expect(await clientOf(mtls.url, files({ clientCerts: [cert(`127.0.0.1:${port}`)] }))).toBe(
      'Courier Test Client',
    )
    const elsewhere = await send(mtls.url, files({ clientCerts: [cert('example.com')] }))
    expect(!elsewhere.ok && elsewhere.error.message).toMatch(/requires a client certificate/)
    const otherPort = await send(mtls.url, files({ clientCerts: [cert('127.0.0.1:1')] }))
    expect(!otherPort.ok && otherPort.error.message).toMatch(/requires a client certificate/)
  })

  it('refuses bad files before sending, naming the file and what is wrong', () => {
    const load = (over: Partial<TlsFiles>) => () => loadTlsMaterial(files(over))
    const client = (over: object) => [{ host: '*', ...over }]
    expect(load({ caFiles: [pki.clientKey] })).toThrow(
      new TlsFileError(
        `The CA file "${pki.clientKey}" is not a PEM certificate: it has no "-----BEGIN CERTIFICATE-----" block.`,
      ),
    )
    expect(load({ caFiles: [`${pki.dir}/missing.pem`] })).toThrow(/missing\.pem": no such file/)
    const pair = { certFile: pki.clientCert, keyFile: pki.clientKeyEncrypted }
    expect(load({ clientCerts: client({ ...pair, passphrase: 'wrong' }) })).toThrow(
      `Wrong passphrase for the key file "${pki.clientKeyEncrypted}".`,
    )
    expect(load({ clientCerts: client(pair) })).toThrow(/is encrypted: give its passphrase/)
    expect(
      load({ clientCerts: client({ certFile: pki.clientCert, keyFile: pki.otherKey }) }),
    ).toThrow(`The key "${pki.otherKey}" does not match the certificate "${pki.clientCert}".`)
    expect(
      load({ clientCerts: client({ certFile: pki.clientCert, keyFile: pki.clientCert }) }),
    ).toThrow(`The key file "${pki.clientCert}" is not a PEM private key.`)
    expect(load({ clientCerts: client({ pfxFile: pki.clientPfx, passphrase: 'wrong' }) })).toThrow(
      `Wrong passphrase for the PFX file "${pki.clientPfx}".`,
    )
    expect(load({ clientCerts: client({ pfxFile: pki.clientCert }) })).toThrow(/is not a PKCS#12/)
  })
})

describe('minimum TLS version and the handshake in the response', () => {
  it('TLSv1.3 as the minimum refuses a server capped at TLSv1.2 with a clear message', async () => {
    const pfx = { host: '*', pfxFile: pki.clientPfx, passphrase: pki.passphrase }
    expect(await clientOf(capped.url, files({ clientCerts: [pfx] }))).toBe('Courier Test Client')
    const result = await send(capped.url, files({ clientCerts: [pfx], minVersion: 'TLSv1.3' }))
    expect(!result.ok && result.error.message).toMatch(/no TLS version in common/)
  })

  it('records the protocol, the cipher and the server’s chain', async () => {
    const ok = await send(open.url, files({}))
    if (!ok.ok) throw new Error(ok.error.message)
    const tls = ok.response.tls!
    expect(tls.protocol).toBe('TLSv1.3')
    expect(tls.cipher).toMatch(/^TLS_/)
    expect(tls.authorized).toBe(true)
    expect(tls.chain.map((c) => [c.subject, c.issuer])).toEqual([
      ['CN=localhost', 'CN=Courier Test CA'],
      ['CN=Courier Test CA', 'CN=Courier Test CA'],
    ])
    expect(tls.chain[0]!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(Date.parse(tls.chain[0]!.validTo)).toBeGreaterThan(Date.now())
  })
})

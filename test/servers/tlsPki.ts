import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Paths of a private PKI made at test time with openssl (never checked in). */
export interface TestPki {
  dir: string
  caCert: string
  serverCert: string
  serverKey: string
  clientCert: string
  clientKey: string
  /** The client key again, encrypted with `passphrase`. */
  clientKeyEncrypted: string
  /** Client certificate and key as PKCS#12, encrypted with `passphrase`. */
  clientPfx: string
  /** A second, unrelated key (does not match clientCert). */
  otherKey: string
  passphrase: string
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' })
}

/**
 * A CA, a server certificate for localhost / 127.0.0.1 signed by it, and a client
 * certificate signed by it in PEM, encrypted PEM and PKCS#12 forms.
 */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'courier-pki-'))
  const passphrase = 'correct horse'
  const days = ['-days', '2']
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      ...days,
      '-subj',
      '/CN=Courier Test CA',
    ],
    dir,
  )
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n')
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=localhost',
    ],
    dir,
  )
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      ...days,
      '-extfile',
      'server.ext',
    ],
    dir,
  )
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'client.key',
      '-out',
      'client.csr',
      '-subj',
      '/CN=Courier Test Client',
    ],
    dir,
  )
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'client.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'client.pem',
      ...days,
    ],
    dir,
  )
  writeFileSync(join(dir, 'pass.txt'), passphrase)
  openssl(
    ['pkey', '-in', 'client.key', '-aes256', '-passout', 'file:pass.txt', '-out', 'client.enc.key'],
    dir,
  )
  openssl(
    [
      'pkcs12',
      '-export',
      '-in',
      'client.pem',
      '-inkey',
      'client.key',
      '-passout',
      'file:pass.txt',
      '-out',
      'client.p12',
    ],
    dir,
  )
  openssl(
    ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'other.key'],
    dir,
  )
  const at = (name: string) => join(dir, name)
  return {
    dir,
    caCert: at('ca.pem'),
    serverCert: at('server.pem'),
    serverKey: at('server.key'),
    clientCert: at('client.pem'),
    clientKey: at('client.key'),
    clientKeyEncrypted: at('client.enc.key'),
    clientPfx: at('client.p12'),
    otherKey: at('other.key'),
    passphrase,
  }
}

/** A file's text, for servers that take PEM contents. */
export const pem = (path: string): string => readFileSync(path, 'utf8')

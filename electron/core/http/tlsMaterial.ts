import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createSecureContext } from 'node:tls'
import type { TlsVersion } from '../../../shared/model/tls'

/** A TLS file that cannot be used; the message names the file and what is wrong with it. */
export class TlsFileError extends Error {
  override name = 'TlsFileError'
}

/** A client certificate as files, with the passphrase already taken from the secret store. */
export interface ClientCertFiles {
  /** `host`, `host:port`, `*.example.com` or `*` (see ClientCertSchema). */
  host: string
  certFile?: string
  keyFile?: string
  pfxFile?: string
  passphrase?: string
}

export interface TlsFiles {
  caFiles: readonly string[]
  clientCerts: readonly ClientCertFiles[]
  minVersion: TlsVersion
}

/** A client certificate read and checked, ready for an agent. */
export interface ClientCertMaterial {
  host: string
  cert?: string
  key?: string
  pfx?: Buffer
  passphrase?: string
}

/** What the engine's TLS agents are made from (contents, not paths: read once, checked once). */
export interface TlsMaterial {
  /** PEM certificates of the extra CAs (Node's default roots are added by the agents). */
  ca: string[]
  clientCerts: ClientCertMaterial[]
  minVersion: TlsVersion
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code
    throw new TlsFileError(`Cannot read the ${what} "${path}": ${why ?? 'unreadable'}.`)
  }
}

/** Every certificate of a PEM file, each parsed so a damaged one is caught now, not mid-handshake. */
function pemCertificates(path: string, what: string): string[] {
  const text = readFile(path, what).toString('utf8')
  const blocks = text.match(CERT_BLOCK) ?? []
  if (blocks.length === 0) {
    throw new TlsFileError(
      `The ${what} "${path}" is not a PEM certificate: it has no "-----BEGIN CERTIFICATE-----" block.`,
    )
  }
  for (const block of blocks) {
    try {
      new X509Certificate(block)
    } catch {
      throw new TlsFileError(`The ${what} "${path}" holds a damaged certificate (bad PEM data).`)
    }
  }
  return blocks
}

function privateKey(path: string, passphrase: string | undefined): { pem: string; key: KeyObject } {
  const pem = readFile(path, 'key file').toString('utf8')
  try {
    return { pem, key: createPrivateKey({ key: pem, passphrase }) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const encrypted = /ENCRYPTED/.test(pem)
    if (encrypted && passphrase === undefined) {
      throw new TlsFileError(`The key file "${path}" is encrypted: give its passphrase.`)
    }
    if (code === 'ERR_OSSL_BAD_DECRYPT' || (encrypted && passphrase !== undefined)) {
      throw new TlsFileError(`Wrong passphrase for the key file "${path}".`)
    }
    throw new TlsFileError(`The key file "${path}" is not a PEM private key.`)
  }
}

function pfxMaterial(
  host: string,
  path: string,
  passphrase: string | undefined,
): ClientCertMaterial {
  const pfx = readFile(path, 'PFX file')
  try {
    createSecureContext({ pfx, passphrase })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/mac verify failure/i.test(message)) {
      throw new TlsFileError(
        passphrase === undefined
          ? `The PFX file "${path}" is protected: give its passphrase.`
          : `Wrong passphrase for the PFX file "${path}".`,
      )
    }
    throw new TlsFileError(`The PFX file "${path}" is not a PKCS#12 (.pfx / .p12) file.`)
  }
  return { host, pfx, ...(passphrase !== undefined && { passphrase }) }
}

/** Reads and checks one client certificate: a PEM pair that belongs together, or a PFX. */
export function loadClientCert(files: ClientCertFiles): ClientCertMaterial {
  const { host, certFile, keyFile, pfxFile, passphrase } = files
  if (pfxFile !== undefined) {
    if (certFile !== undefined || keyFile !== undefined) {
      throw new TlsFileError(
        `Client certificate for "${host}": give a PFX file or a certificate and key, not both.`,
      )
    }
    return pfxMaterial(host, pfxFile, passphrase)
  }
  if (certFile === undefined || keyFile === undefined) {
    throw new TlsFileError(
      `Client certificate for "${host}": a certificate needs its key (and a key its certificate).`,
    )
  }
  const certs = pemCertificates(certFile, 'certificate file')
  const { pem, key } = privateKey(keyFile, passphrase)
  if (!new X509Certificate(certs[0]!).checkPrivateKey(key)) {
    throw new TlsFileError(`The key "${keyFile}" does not match the certificate "${certFile}".`)
  }
  return { host, cert: certs.join('\n'), key: pem, ...(passphrase !== undefined && { passphrase }) }
}

/** Reads and checks every TLS file at once, so a bad one fails before anything is sent. */
export function loadTlsMaterial(files: TlsFiles): TlsMaterial {
  return {
    ca: files.caFiles.flatMap((path) => pemCertificates(path, 'CA file')),
    clientCerts: files.clientCerts.map(loadClientCert),
    minVersion: files.minVersion,
  }
}

/** Nothing beyond Node's defaults: the engine's plain agents serve. */
export function isDefaultTls(material: TlsMaterial | null | undefined): boolean {
  return (
    !material ||
    (material.ca.length === 0 &&
      material.clientCerts.length === 0 &&
      material.minVersion === 'TLSv1.2')
  )
}

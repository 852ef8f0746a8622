import { TlsVersionSchema, type TlsVersion } from '../../shared/model/tls'
import { loadTlsMaterial, type TlsMaterial } from '../core/http/tlsMaterial'
import { UsageError } from './cliIo'
import { PASSPHRASE_ENV, type TlsFlags } from './tlsFlags'

function minVersion(value: string | undefined): TlsVersion {
  if (value === undefined) return 'TLSv1.2'
  const named = /^(tlsv)?1(\.[0-3])?$/i.test(value)
    ? `TLSv${value.replace(/^tlsv/i, '').replace(/^1\.0$/, '1')}`
    : value
  const parsed = TlsVersionSchema.safeParse(named)
  if (!parsed.success) throw new UsageError(`--tls-min is 1.0, 1.1, 1.2 or 1.3, not "${value}".`)
  return parsed.data
}

/**
 * The TLS material the flags name, read and checked before anything is sent (a bad file
 * throws a TlsFileError naming it: exit 2); undefined when no TLS flag was given. The
 * client certificate is presented to every host, as curl does.
 */
export function tlsFromFlags(flags: TlsFlags, env = process.env): TlsMaterial | undefined {
  const { cacert, cert, key, pfx, tlsMin } = flags
  const passphrase = flags.passphrase ?? env[PASSPHRASE_ENV]
  if (pfx !== undefined && (cert !== undefined || key !== undefined))
    throw new UsageError('Choose --pfx, or --cert with --key, not both.')
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError('--cert and --key go together: give the certificate and its key.')
  const client = pfx !== undefined || cert !== undefined
  if (cacert.length === 0 && !client && tlsMin === undefined) return undefined
  return loadTlsMaterial({
    caFiles: cacert,
    clientCerts: client
      ? [
          {
            host: '*',
            ...(pfx !== undefined ? { pfxFile: pfx } : { certFile: cert, keyFile: key }),
            ...(passphrase !== undefined && { passphrase }),
          },
        ]
      : [],
    minVersion: minVersion(tlsMin),
  })
}

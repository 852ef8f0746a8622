import type { Command } from 'commander'

/**
 * The TLS options of `courier send` and `courier run`, with curl's names. Only the
 * options: reading the files (tlsFromFlags.ts) is loaded when a command runs.
 */
export interface TlsFlags {
  cacert: string[]
  cert?: string
  key?: string
  passphrase?: string
  pfx?: string
  tlsMin?: string
}

const collect = (value: string, previous: string[]) => [...previous, value]

/** Where a passphrase may come from instead of the command line (which `ps` shows). */
export const PASSPHRASE_ENV = 'COURIER_CERT_PASSPHRASE'

export function addTlsOptions(command: Command): Command {
  return command
    .option(
      '--cacert <file>',
      "a PEM file of CA certificates trusted in addition to the system's (repeatable)",
      collect,
      [],
    )
    .option('--cert <file>', 'a PEM client certificate (with --key)')
    .option('--key <file>', 'the PEM private key of --cert')
    .option('--pfx <file>', 'a PKCS#12 (.pfx / .p12) client certificate and key')
    .option(
      '--passphrase <text>',
      `the passphrase of --key or --pfx (or set ${PASSPHRASE_ENV}, which other users cannot see)`,
    )
    .option('--tls-min <version>', 'the oldest TLS version allowed: 1.0, 1.1, 1.2 (default) or 1.3')
}

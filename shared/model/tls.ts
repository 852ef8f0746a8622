import * as z from 'zod'

/** The oldest TLS version Courier offers; Node's own default is TLSv1.2. */
export const TlsVersionSchema = z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'])
export type TlsVersion = z.infer<typeof TlsVersionSchema>

/**
 * A client certificate and the hosts it is presented to: `host` matches any port of that
 * host, `host:port` only that port, `*.example.com` its subdomains, `*` every host.
 * Either PEM files (`certFile` + `keyFile`) or one PKCS#12 file (`pfxFile`). The
 * passphrase is never kept here: it lives in the secret store under `id`.
 */
export const ClientCertSchema = z.object({
  id: z.string().min(1),
  host: z.string().min(1),
  certFile: z.string().optional(),
  keyFile: z.string().optional(),
  pfxFile: z.string().optional(),
  /** A passphrase is stored in the secret store for this certificate. */
  hasPassphrase: z.boolean().default(false),
})
export type ClientCert = z.infer<typeof ClientCertSchema>

/** TLS settings of the app: extra trusted CAs, client certificates, the oldest version allowed. */
export const TlsSettingsSchema = z.object({
  /** PEM files of CAs trusted in addition to Node's default roots (never instead of them). */
  caFiles: z.array(z.string()).default([]),
  clientCerts: z.array(ClientCertSchema).default([]),
  minVersion: TlsVersionSchema.default('TLSv1.2'),
})
export type TlsSettings = z.infer<typeof TlsSettingsSchema>

/** One certificate of the chain the server presented. */
export const PeerCertificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: z.string(),
})
export type PeerCertificate = z.infer<typeof PeerCertificateSchema>

/** What the TLS handshake of a response's connection settled on. */
export const TlsConnectionSchema = z.object({
  /** e.g. "TLSv1.3". */
  protocol: z.string(),
  /** e.g. "TLS_AES_256_GCM_SHA384". */
  cipher: z.string(),
  /** The server's chain, its own certificate first. */
  chain: z.array(PeerCertificateSchema),
  /** False when verification was off and the chain did not verify; `authorizationError` says why. */
  authorized: z.boolean(),
  authorizationError: z.string().optional(),
})
export type TlsConnection = z.infer<typeof TlsConnectionSchema>

/**
 * An update of the TLS settings, as the TLS dialog sends it. Each certificate's
 * `passphrase` goes to the secret store ('' forgets it, absent keeps the saved one);
 * only `hasPassphrase` reaches the settings file.
 */
export const TlsSettingsPatchSchema = TlsSettingsSchema.extend({
  clientCerts: z
    .array(
      ClientCertSchema.omit({ hasPassphrase: true }).extend({
        passphrase: z.string().max(1024).optional(),
      }),
    )
    .optional(),
}).partial()
export type TlsSettingsPatch = z.infer<typeof TlsSettingsPatchSchema>

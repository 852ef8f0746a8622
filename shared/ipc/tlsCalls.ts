import * as z from 'zod'
import { TlsSettingsPatchSchema } from '../model/tls'

/** What "Test TLS" found: the handshake it made, or why it failed. */
export const TlsTestResultSchema = z.object({
  ok: z.boolean(),
  /** The negotiated version, e.g. "TLSv1.3"; '' when there was no handshake. */
  protocol: z.string(),
  /** The negotiated cipher, e.g. "TLS_AES_256_GCM_SHA384"; '' when there was none. */
  cipher: z.string(),
  /** The server certificate's subject ("CN=api.example.com"); '' when there was none. */
  subject: z.string(),
  /** Who issued it ("CN=Example CA"); '' when there was none. */
  issuer: z.string(),
  /** The host pattern of the client certificate the settings present to this host; null: none. */
  clientCert: z.string().nullable(),
  /** What happened, worded for the tester. */
  message: z.string(),
  /** What to do about a failure; '' on success. */
  hint: z.string(),
})
export type TlsTestResult = z.infer<typeof TlsTestResultSchema>

/** The TLS settings' calls, spread into the contract's `calls`. */
export const tlsCalls = {
  /**
   * Sends a HEAD to the https `url` with the TLS settings given (the form as edited, not yet
   * saved; a blank passphrase uses the saved one) and says what the handshake settled on.
   */
  'tls:test': {
    args: z.object({
      tls: TlsSettingsPatchSchema,
      url: z.string().min(1).max(4096),
    }),
    result: TlsTestResultSchema,
  },
} as const

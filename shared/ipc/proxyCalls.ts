import * as z from 'zod'
import { ProxySettingsPatchSchema } from '../model/proxySettings'

/** What "Test proxy" found: a response (any status) or why there was none. */
export const ProxyTestResultSchema = z.object({
  ok: z.boolean(),
  /** The proxy the request went through (no credentials), null when it went direct. */
  via: z.string().nullable(),
  /** The response's status, null when there was none. */
  status: z.number().int().nullable(),
  /** What happened, worded for the tester. */
  message: z.string(),
  /** What to do about a failure; '' on success. */
  hint: z.string(),
})
export type ProxyTestResult = z.infer<typeof ProxyTestResultSchema>

/** The proxy settings' calls, spread into the contract's `calls`. */
export const proxyCalls = {
  /**
   * Sends a GET to `url` through the proxy settings given (the form as edited, not yet
   * saved; a blank password uses the saved one) and says what happened.
   */
  'proxy:test': {
    args: z.object({
      proxy: ProxySettingsPatchSchema,
      url: z.string().min(1).max(4096),
    }),
    result: ProxyTestResultSchema,
  },
} as const

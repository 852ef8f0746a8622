import * as z from 'zod'
import { ProxySettingsPatchSchema, ProxySettingsSchema } from './proxySettings'
import { TlsSettingsPatchSchema, TlsSettingsSchema } from './tls'

/** The current version of the saved settings document. */
export const SETTINGS_SCHEMA_VERSION = 1

/** App-wide defaults for every request; a request's own settings override them. */
export const RequestDefaultsSchema = z.object({
  /** Milliseconds for the whole exchange; 0 = no timeout. */
  timeoutMs: z.number().int().min(0).default(30_000),
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(100).default(10),
  verifyTls: z.boolean().default(true),
  /**
   * Most that resolving {{variables}} may add to one field (URL, a header, the body...), in
   * MB: a value that refers to others many times fails the send naming it instead of
   * growing exponentially.
   */
  variableSizeLimitMB: z.number().min(0.001).max(1024).default(10),
  /** Send credential headers on to another origin a redirect leads to (see RequestSettings). */
  keepCredentialsAcrossOrigins: z.boolean().default(false),
  /**
   * Largest response body shown, in bytes. Bigger bodies are still received (kept on disk)
   * and can be saved to a file or shown after raising this limit.
   */
  maxResponseBytes: z
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
})
export type RequestDefaults = z.infer<typeof RequestDefaultsSchema>

/** Limits of every script run in the sandbox: a script past one stops with an error naming it. */
export const ScriptLimitsSchema = z.object({
  /** Time a script may spend running JavaScript, ms. */
  cpuMs: z.number().int().min(100).max(600_000).default(5_000),
  /** Memory a script may use, MB. */
  memoryMB: z.number().int().min(8).max(1024).default(64),
})
export type ScriptLimitSettings = z.infer<typeof ScriptLimitsSchema>

/** What the history keeps of each send. */
export const HistorySettingsSchema = z.object({
  /**
   * Keep Authorization, Proxy-Authorization, Cookie, Set-Cookie and the Auth tab's
   * credentials in history as sent. Off (the default): they are masked. Secret variables
   * are kept as their `{{name}}` reference either way.
   */
  keepCredentials: z.boolean().default(false),
})
export type HistorySettings = z.infer<typeof HistorySettingsSchema>

/** User settings, saved by electron-store in the app and by conf in Node (same file). */
export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION).default(SETTINGS_SCHEMA_VERSION),
  /** `system` follows the OS. */
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Response pane beside the editor or below it. */
  layout: z.enum(['side', 'stacked']).default('side'),
  requestDefaults: RequestDefaultsSchema.default(RequestDefaultsSchema.parse({})),
  scriptLimits: ScriptLimitsSchema.default(ScriptLimitsSchema.parse({})),
  history: HistorySettingsSchema.default(HistorySettingsSchema.parse({})),
  /** Which proxy requests go through (see proxySettings.ts). */
  proxy: ProxySettingsSchema.default(ProxySettingsSchema.parse({})),
  /** Extra CAs, client certificates and the oldest TLS version (see tls.ts). */
  tls: TlsSettingsSchema.default(TlsSettingsSchema.parse({})),
})
export type Settings = z.infer<typeof SettingsSchema>

/** A partial update of the settings, as sent by the UI. */
export const SettingsPatchSchema = z.object({
  theme: SettingsSchema.shape.theme.unwrap().optional(),
  layout: SettingsSchema.shape.layout.unwrap().optional(),
  requestDefaults: RequestDefaultsSchema.partial().optional(),
  scriptLimits: ScriptLimitsSchema.partial().optional(),
  history: HistorySettingsSchema.partial().optional(),
  proxy: ProxySettingsPatchSchema.optional(),
  tls: TlsSettingsPatchSchema.optional(),
})
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export function defaultSettings(): Settings {
  return SettingsSchema.parse({})
}

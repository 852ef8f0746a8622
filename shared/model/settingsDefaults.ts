import type { Settings } from './settings'

/**
 * The settings before any are saved: what SettingsSchema gives `{}` (test/shared/
 * settingsDefaults.test.ts keeps the two equal), written out without zod so the renderer
 * can draw its first screen without building the schemas (see electron.vite.config.ts).
 */
export function defaultSettings(): Settings {
  return {
    schemaVersion: 1,
    theme: 'system',
    layout: 'side',
    requestDefaults: {
      timeoutMs: 30_000,
      followRedirects: true,
      maxRedirects: 10,
      verifyTls: true,
      variableSizeLimitMB: 10,
      keepCredentialsAcrossOrigins: false,
      maxResponseBytes: 100 * 1024 * 1024,
    },
    scriptLimits: { cpuMs: 5_000, memoryMB: 64 },
    history: { keepCredentials: false },
    proxy: { mode: 'environment', url: '', passwordSaved: false, pacUrl: '', noProxy: '' },
    tls: { caFiles: [], clientCerts: [], minVersion: 'TLSv1.2' },
  }
}

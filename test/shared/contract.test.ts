import { describe, expect, it } from 'vitest'
import {
  CALL_NAMES,
  calls,
  dispatchCall,
  InvalidCallError,
  type CourierService,
} from '../../shared/ipc'
import { migrate } from '../../shared/model/migrate'
import { defaultSettings, SettingsSchema } from '../../shared/model/settings'

const service = {
  'app:info': async () => ({ version: '1', shell: 'web', dataDir: '/d', notices: [] }),
  'http:cancel': async ({ requestId }: { requestId: string }) => requestId === 'known',
} as unknown as CourierService

describe('the contract', () => {
  it('declares exactly the names the preload exposes', () => {
    expect(Object.keys(calls).sort()).toEqual([...CALL_NAMES].sort())
  })

  it('validates arguments before the handler runs and names the bad field', async () => {
    await expect(dispatchCall(service, 'http:cancel', { requestId: 7 })).rejects.toThrow(
      InvalidCallError,
    )
    await expect(dispatchCall(service, 'http:cancel', { requestId: 7 })).rejects.toThrow(
      /requestId/,
    )
    await expect(dispatchCall(service, 'http:cancel', { requestId: 'known' })).resolves.toBe(true)
  })

  it('refuses a send with an invalid method before anything runs', async () => {
    const args = { requestId: 'r', spec: { method: 'GET /x', url: 'http://h' } }
    await expect(dispatchCall(service, 'http:send', args)).rejects.toThrow(/spec\.method/)
  })
})

describe('settings documents', () => {
  it('fill defaults: 30 s timeout, redirects followed, TLS verified, 100 MB cap', () => {
    const s = defaultSettings()
    expect(s.schemaVersion).toBe(1)
    expect(s.requestDefaults).toEqual({
      timeoutMs: 30_000,
      followRedirects: true,
      maxRedirects: 10,
      verifyTls: true,
      variableSizeLimitMB: 10,
      keepCredentialsAcrossOrigins: false,
      maxResponseBytes: 100 * 1024 * 1024,
    })
    // Credentials are masked in history unless the user says otherwise.
    expect(s.history).toEqual({ keepCredentials: false })
  })

  it('migrate runs each step in order and refuses a newer format', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, b: 2 }),
      2: (d: Record<string, unknown>) => ({ ...d, c: 3 }),
    }
    expect(migrate({ schemaVersion: 1, a: 1 }, 3, steps)).toEqual({
      schemaVersion: 3,
      a: 1,
      b: 2,
      c: 3,
    })
    expect(() => migrate({ schemaVersion: 9 }, 1, {})).toThrow(/newer Courier/)
    expect(SettingsSchema.safeParse({ schemaVersion: 2 }).success).toBe(false)
  })
})

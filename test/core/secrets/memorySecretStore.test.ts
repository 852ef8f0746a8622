import { describe, expect, it } from 'vitest'
import {
  BROWSER_SECRETS_WARNING,
  MemorySecretStore,
} from '../../../electron/core/secrets/memorySecretStore'

describe('MemorySecretStore', () => {
  it('keeps values for this process and warns that it does', () => {
    const secrets = new MemorySecretStore()
    secrets.set('k', 'v')
    expect(secrets.get('k')).toBe('v')
    secrets.delete('k')
    expect(secrets.get('k')).toBeUndefined()
    expect(secrets.warning).toBe(BROWSER_SECRETS_WARNING)
    expect(secrets.warning).toMatch(/--secrets FILE/)
    expect(new MemorySecretStore(null).warning).toBeNull()
  })
})

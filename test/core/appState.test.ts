import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppStateService } from '../../electron/core/settings/appStateService'
import { openConfStore } from '../../electron/core/storage/openConfStore'
import { emptyRequest } from '../../shared/model/request'

const SENTINEL = 'SENTINEL-tab-3d9e'

describe('open tabs kept across restarts', () => {
  it('keeps drafts but never writes a typed credential or a secret variable value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const store = openConfStore(dir, [])
    const service = new AppStateService(store)
    service.save({
      schemaVersion: 1,
      active: 0,
      tabs: [
        {
          spec: {
            ...emptyRequest(),
            url: 'http://h/draft',
            auth: { type: 'bearer', token: SENTINEL },
          },
          variables: [{ name: 'token', value: SENTINEL, enabled: true, secret: true }],
          saved: null,
          baseline: '',
        },
      ],
    })
    expect(readFileSync(store.path, 'utf8')).not.toContain(SENTINEL)
    const restored = new AppStateService(openConfStore(dir, [])).get()
    expect(restored.tabs[0]?.spec.url).toBe('http://h/draft')
    expect(restored.tabs[0]?.spec.auth).toEqual({ type: 'bearer', token: '' })
    expect(restored.tabs[0]?.variables[0]).toMatchObject({ name: 'token', value: '', secret: true })
  })

  it('starts with no tabs, and with no tabs and a notice when the saved state is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const store = openConfStore(dir, [])
    const notices: string[] = []
    const service = new AppStateService(store, (m) => notices.push(m))
    expect(service.get().tabs).toEqual([])
    store.set('appState', { schemaVersion: 1, tabs: 'not a list' })
    expect(service.get().tabs).toEqual([])
    expect(notices[0]).toMatch(/could not be restored/)
  })
})

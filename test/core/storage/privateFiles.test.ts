import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../electron/core/history/historyStore'
import { AppStateService } from '../../../electron/core/settings/appStateService'
import { openConfStore } from '../../../electron/core/storage/openConfStore'
import { tightenTree } from '../../../electron/core/storage/privateFiles'
import { WorkspaceTrash } from '../../../electron/core/workspace/workspaceTrash'
import { openWorkspace } from '../../../electron/core/workspace/openWorkspace'
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore'
import { entry } from '../history/helpers'
import { APP_STATE_SCHEMA_VERSION } from '../../../shared/model/appState'
import { emptyRequest } from '../../../shared/model/request'

const modeOf = (path: string) => statSync(path).mode & 0o777
const fresh = () => join(mkdtempSync(join(tmpdir(), 'courier-modes-')), 'Courier')

/** Every file and folder under `dir` with its mode, for one readable assertion. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (path: string, rel: string) => {
    for (const name of readdirSync(path)) {
      const abs = join(path, name)
      out[rel + name] = modeOf(abs).toString(8)
      if (statSync(abs).isDirectory()) walk(abs, `${rel}${name}/`)
    }
  }
  walk(dir, '')
  return out
}

describe('the data directory is private to its user', () => {
  it('creates the folder 0700 and config.json, drafts, history.db and its -wal and -shm 0600', () => {
    // The test process has the usual umask (022): without explicit modes all of these would be 0644/0755.
    const dataDir = fresh()
    const store = openConfStore(dataDir)
    expect(modeOf(dataDir)).toBe(0o700)
    const state = new AppStateService(store)
    const spec = { ...emptyRequest(), body: { type: 'json' as const, text: 'x'.repeat(300_000) } }
    state.save({
      schemaVersion: APP_STATE_SCHEMA_VERSION,
      active: 0,
      tabs: [{ spec, variables: [], saved: null, baseline: '' }],
    })
    const history = HistoryStore.open(dataDir, { notice: () => {} })
    history.append(entry())
    expect(modes(dataDir)).toMatchObject({
      'config.json': '600',
      drafts: '700',
      'history.db': '600',
      'history.db-wal': '600',
      'history.db-shm': '600',
    })
    const drafts = readdirSync(join(dataDir, 'drafts'))
    expect(drafts).toHaveLength(1)
    expect(modeOf(join(dataDir, 'drafts', drafts[0]!))).toBe(0o600)
    history.close()
    // SQLite removes -wal and -shm on the last close and creates them again on the next open.
    const again = HistoryStore.open(dataDir, { notice: () => {} })
    again.append(entry())
    expect(modeOf(join(dataDir, 'history.db-wal'))).toBe(0o600)
    expect(modeOf(join(dataDir, 'history.db-shm'))).toBe(0o600)
    again.close()
  })

  it('tightens an install written with looser modes when it is opened', () => {
    const dataDir = fresh()
    mkdirSync(join(dataDir, 'drafts'), { recursive: true, mode: 0o755 })
    chmodSync(dataDir, 0o755)
    writeFileSync(join(dataDir, 'config.json'), '{}', { mode: 0o644 })
    writeFileSync(join(dataDir, 'history.db'), '', { mode: 0o644 })
    writeFileSync(join(dataDir, 'drafts', 'old.txt'), 'x', { mode: 0o664 })
    openConfStore(dataDir)
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, 'config.json'))).toBe(0o600)
    HistoryStore.open(dataDir, { notice: () => {} }).close()
    expect(modeOf(join(dataDir, 'history.db'))).toBe(0o600)
    // What composeCourier runs at start for everything else in the folder.
    tightenTree(dataDir)
    expect(modes(dataDir)).toMatchObject({ drafts: '700', 'drafts/old.txt': '600' })
  })

  it('keeps the trash private, and tightens a workspace’s local, git-ignored folder on open', async () => {
    const dataDir = fresh()
    const ws = mkdtempSync(join(tmpdir(), 'courier-ws-'))
    writeFileSync(join(ws, 'a.request.json'), '{}', { mode: 0o644 })
    await new WorkspaceTrash(dataDir).put(ws, 'a.request.json', join(ws, 'a.request.json'))
    const [undoId] = readdirSync(join(dataDir, 'trash'))
    expect(modeOf(join(dataDir, 'trash', undoId!))).toBe(0o700)
    expect(modeOf(join(dataDir, 'trash', undoId!, '.trash.json'))).toBe(0o600)

    mkdirSync(join(ws, '.courier-local'), { mode: 0o755 })
    writeFileSync(join(ws, '.courier-local', 'state.json'), '{}', { mode: 0o644 })
    const opened = openWorkspace(ws, new MemorySecretStore(null), new WorkspaceTrash(dataDir), {
      watch: false,
      onChange: () => {},
    })
    await opened.watcher.close()
    expect(modes(ws)).toMatchObject({ '.courier-local': '700', '.courier-local/state.json': '600' })
  })
})

import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Store from 'electron-store'
import type { KeyValueStore } from '../../core/storage/keyValueStore'

/**
 * electron-store over the app's userData folder: the same `config.json` that
 * `conf` reads in the CLI and the web host. A file that does not parse is moved
 * aside, never deleted, and reported through `onNotice`.
 */
export function openElectronStore(
  dataDir: string,
  onNotice: (message: string) => void,
): KeyValueStore {
  const open = () => new Store<Record<string, unknown>>({ cwd: dataDir, name: 'config' })
  let store: Store<Record<string, unknown>>
  try {
    store = open()
  } catch (error) {
    const file = join(dataDir, 'config.json')
    if (!existsSync(file)) throw error
    const aside = join(
      dataDir,
      `config.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    )
    renameSync(file, aside)
    onNotice(
      `Your settings file could not be read and was moved to ${aside}; Courier started with default settings.`,
    )
    store = open()
  }
  return {
    path: store.path,
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  }
}

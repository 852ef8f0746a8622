import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Store from 'electron-store'
import type { KeyValueStore } from '../../core/storage/keyValueStore'
import { lockedStore } from '../../core/storage/lockedStore'
import { ensurePrivateDir, PRIVATE_FILE_MODE, tightenFile } from '../../core/storage/privateFiles'

/**
 * electron-store over the app's userData folder: the same `config.json` that
 * `conf` reads in the CLI and the web host. A file that does not parse is moved
 * aside, never deleted, and reported through `onNotice`. Private (0700 folder, 0600
 * file) and locked against the CLI and the web host writing it at the same time.
 */
export function openElectronStore(
  dataDir: string,
  onNotice: (message: string) => void,
): KeyValueStore {
  ensurePrivateDir(dataDir)
  tightenFile(join(dataDir, 'config.json'))
  const open = () =>
    new Store<Record<string, unknown>>({
      cwd: dataDir,
      name: 'config',
      configFileMode: PRIVATE_FILE_MODE,
    })
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
  return lockedStore(store)
}

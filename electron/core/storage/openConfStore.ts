import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { KeyValueStore } from './keyValueStore'

/** A notice for the user about their data (e.g. a corrupt file moved aside). */
export interface StorageNotice {
  message: string
}

/**
 * Opens the settings file in `dir` with `conf`, the library electron-store is built on,
 * so the CLI and the web host read what the app wrote. A file that does not parse is
 * moved aside (never deleted) and a fresh one is started; the notice says where it went.
 */
export function openConfStore(dir: string, notices: StorageNotice[] = []): KeyValueStore {
  const open = () =>
    new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', projectName: 'courier' })
  let conf: Conf<Record<string, unknown>>
  try {
    conf = open()
  } catch (error) {
    const file = join(dir, 'config.json')
    if (!existsSync(file)) throw error
    const aside = join(dir, `config.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    renameSync(file, aside)
    notices.push({
      message: `Your settings file could not be read and was moved to ${aside}; Courier started with default settings.`,
    })
    conf = open()
  }
  return {
    path: conf.path,
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
  }
}

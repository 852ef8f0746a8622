import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { KeyValueStore } from './keyValueStore'
import { lockedStore } from './lockedStore'
import { ensurePrivateDir, PRIVATE_FILE_MODE, tightenFile } from './privateFiles'

/** A notice for the user about their data (e.g. a corrupt file moved aside). */
export interface StorageNotice {
  message: string
}

/**
 * Opens the settings file in `dir` with `conf`, the library electron-store is built on,
 * so the CLI and the web host read what the app wrote. A file that does not parse is
 * moved aside (never deleted) and a fresh one is started; the notice says where it went.
 * The folder is private to the user (0700) and the file too (0600); writes are locked
 * against the other Courier processes sharing the file (`lockedStore`).
 */
export function openConfStore(dir: string, notices: StorageNotice[] = []): KeyValueStore {
  ensurePrivateDir(dir)
  tightenFile(join(dir, 'config.json'))
  const open = () =>
    new Conf<Record<string, unknown>>({
      cwd: dir,
      configName: 'config',
      projectName: 'courier',
      configFileMode: PRIVATE_FILE_MODE,
    })
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
  return lockedStore(conf)
}

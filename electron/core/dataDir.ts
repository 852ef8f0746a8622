import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the desktop app keeps its data (Electron's userData for an app named
 * "Courier"), so the CLI and the web host find the same files without Electron.
 */
export function defaultDataDir(): string {
  if (process.env.COURIER_DATA_DIR) return process.env.COURIER_DATA_DIR
  const home = homedir()
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Courier')
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Courier')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Courier')
  }
}

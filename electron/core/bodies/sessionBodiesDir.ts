import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * `<dataDir>/response-bodies/<pid>`: this process's spooled bodies. Directories of
 * processes that are gone (a crash skips the clean-up on close) are removed here, while
 * another running Courier on the same data directory keeps its own.
 */
export function sessionBodiesDir(dataDir: string): string {
  return sessionDir(dataDir, 'response-bodies')
}

/**
 * `<dataDir>/<folder>/<pid>`: this process's own folder of session files (response bodies,
 * run spools), with the folders of processes that are gone removed.
 */
export function sessionDir(dataDir: string, folder: string): string {
  const root = join(dataDir, folder)
  let entries: string[] = []
  try {
    entries = readdirSync(root)
  } catch {
    // No directory yet: nothing left behind.
  }
  for (const name of entries) {
    const pid = Number(name)
    if (pid !== process.pid && !(Number.isInteger(pid) && isAlive(pid))) {
      rmSync(join(root, name), { recursive: true, force: true })
    }
  }
  return join(root, String(process.pid))
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

import { closeSync, fsyncSync, openSync } from 'node:fs'
import { open } from 'node:fs/promises'

// Windows cannot open a directory as a file, and NTFS journals a rename with its metadata.
const SYNCS_DIRS = process.platform !== 'win32'

/**
 * Flushes `dir`'s entries to disk, so a rename into it (an atomic write's last step)
 * survives a power cut, not only a crash of the process. A file system that cannot sync
 * a directory (EINVAL, EISDIR on some network shares) is left as it is.
 */
export function fsyncDirSync(dir: string): void {
  if (!SYNCS_DIRS) return
  let fd: number | null = null
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch (error) {
    if (!ignorable(error)) throw error
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/** fsyncDirSync, without blocking the thread. */
export async function fsyncDir(dir: string): Promise<void> {
  if (!SYNCS_DIRS) return
  const handle = await open(dir, 'r').catch((error: unknown) => {
    if (ignorable(error)) return null
    throw error
  })
  if (!handle) return
  try {
    await handle.sync()
  } catch (error) {
    if (!ignorable(error)) throw error
  } finally {
    await handle.close()
  }
}

function ignorable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'EINVAL' || code === 'EISDIR' || code === 'ENOTSUP' || code === 'EPERM'
}

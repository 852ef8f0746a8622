import { chmodSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs'
import { join } from 'node:path'

/** Only the owner may list or enter Courier's folders (history, drafts, settings hold secrets). */
export const PRIVATE_DIR_MODE = 0o700
/** Only the owner may read or write Courier's files. */
export const PRIVATE_FILE_MODE = 0o600

// Windows has no POSIX modes: its ACLs already keep a user's profile to that user.
const POSIX = process.platform !== 'win32'

/**
 * Creates `dir` (and missing parents) readable by its owner only, and tightens it when it
 * exists with a looser mode (an install from before modes were set, or a folder made by hand).
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (POSIX) tighten(dir, lstatSync(dir))
}

/**
 * Sets `file` to owner-only if it exists with a looser mode. A missing file is fine, and
 * so is one another user owns (EPERM): opening it then fails with its own clear error.
 */
export function tightenFile(file: string): void {
  if (!POSIX) return
  try {
    tighten(file, lstatSync(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'EPERM') throw error
  }
}

/**
 * Makes every folder under `root` 0700 and every file 0600, at start, so an install whose
 * files were written with the umask's 0644 is not left readable by other local users.
 * Symbolic links are not followed (a link never leads the walk out of the folder), and a
 * file that cannot be changed (another owner) is skipped: tightening is best effort, the
 * files Courier writes from now on are created private anyway.
 */
export function tightenTree(root: string): void {
  if (!POSIX) return
  const walk = (path: string, depth: number) => {
    let info: Stats
    try {
      info = lstatSync(path)
      tighten(path, info)
    } catch {
      return // gone meanwhile, or not ours
    }
    if (!info.isDirectory() || depth > 16) return
    let names: string[] = []
    try {
      names = readdirSync(path)
    } catch {
      return
    }
    for (const name of names) walk(join(path, name), depth + 1)
  }
  walk(root, 0)
}

function tighten(path: string, info: Stats): void {
  if (info.isSymbolicLink()) return
  const wanted = info.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE
  if ((info.mode & 0o777) !== wanted && (info.isDirectory() || info.isFile()))
    chmodSync(path, wanted)
}

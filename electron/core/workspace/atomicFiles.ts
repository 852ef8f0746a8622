import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { cp, link, lstat, open, rename, rm, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fsyncDir } from '../storage/durableFiles'
import { describeWriteFailure } from '../storage/writeFailure'
import { assertNoLinkOut } from './linkGuard'

/** Where a write may land. */
export interface WriteScope {
  /**
   * The workspace folder: a write that a symbolic link would carry outside it is refused
   * (`assertNoLinkOut`). Absent for files Courier keeps in its own data directory.
   */
  root?: string
  /** The new file's mode: 0o644 for workspace files (shared, in git); 0o600 in the data directory. */
  mode?: number
}

/** A temp file beside `file`: a dotfile, so the tree and the watcher ignore it. */
function tempPathFor(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
}

async function writeTemp(file: string, text: string, scope: WriteScope): Promise<string> {
  if (scope.root !== undefined) await assertNoLinkOut(scope.root, file)
  const temp = tempPathFor(file)
  const handle = await open(
    temp,
    constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
    scope.mode ?? 0o644,
  )
  try {
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    // A full disk: the partial temp file goes, the file it would replace is untouched.
    await unlink(temp).catch(() => {})
    throw error
  }
  return temp
}

const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY'])

/** rename, retried briefly where Windows holds the target open (an editor, an indexer). */
async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !RETRYABLE.has(code) || attempt >= 10) throw error
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)))
    }
  }
}

/**
 * Replaces `file` with `text` so that a reader sees the old content or the new, never a
 * torn or empty file: write a temp file in the same directory, fsync, rename over, fsync
 * the directory (so the rename itself survives a power cut). Two racing writes of one
 * file: the last rename wins completely.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  scope: WriteScope = {},
): Promise<void> {
  try {
    const temp = await writeTemp(file, text, scope)
    try {
      await renameRetrying(temp, file)
    } catch (error) {
      await unlink(temp).catch(() => {})
      throw error
    }
    await fsyncDir(dirname(file))
  } catch (error) {
    throw describeWriteFailure(file, error)
  }
}

/**
 * Writes a new file only if `file` does not exist yet (false when it does), atomically:
 * the complete temp file is hard-linked to its name, which fails when the name is taken,
 * so two racing creators never overwrite each other.
 */
export async function createFileAtomic(
  file: string,
  text: string,
  scope: WriteScope = {},
): Promise<boolean> {
  let temp: string
  try {
    temp = await writeTemp(file, text, scope)
  } catch (error) {
    throw describeWriteFailure(file, error)
  }
  try {
    await link(temp, file)
    await fsyncDir(dirname(file))
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      if (await exists(file)) return false
      await renameRetrying(temp, file)
      await fsyncDir(dirname(file))
      return true
    }
    throw describeWriteFailure(file, error)
  } finally {
    await unlink(temp).catch(() => {})
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}

/** Whether two paths name the same file (true for a case-only difference on macOS/Windows). */
export async function sameEntry(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)])
    return x.ino === y.ino && x.dev === y.dev
  } catch {
    return false
  }
}

/**
 * Moves a file or directory, copying then removing when it crosses file systems. With a
 * scope, a destination a symbolic link would carry out of the workspace is refused.
 */
export async function moveEntry(from: string, to: string, scope: WriteScope = {}): Promise<void> {
  if (scope.root !== undefined) await assertNoLinkOut(scope.root, to)
  try {
    await renameRetrying(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(from, to, { recursive: true, errorOnExist: true, force: false })
    await rm(from, { recursive: true, force: true })
  }
  await fsyncDir(dirname(to))
}

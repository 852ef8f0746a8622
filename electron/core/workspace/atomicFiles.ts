import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { cp, link, lstat, open, rename, rm, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A temp file beside `file`: a dotfile, so the tree and the watcher ignore it. */
function tempPathFor(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
}

async function writeTemp(file: string, text: string): Promise<string> {
  const temp = tempPathFor(file)
  const handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
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
 * torn or empty file: write a temp file in the same directory, fsync, rename over. Two
 * racing writes of one file: the last rename wins completely.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = await writeTemp(file, text)
  try {
    await renameRetrying(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
}

/**
 * Writes a new file only if `file` does not exist yet (false when it does), atomically:
 * the complete temp file is hard-linked to its name, which fails when the name is taken,
 * so two racing creators never overwrite each other.
 */
export async function createFileAtomic(file: string, text: string): Promise<boolean> {
  const temp = await writeTemp(file, text)
  try {
    await link(temp, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      if (await exists(file)) return false
      await renameRetrying(temp, file)
      return true
    }
    throw error
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

/** Moves a file or directory, copying then removing when it crosses file systems. */
export async function moveEntry(from: string, to: string): Promise<void> {
  try {
    await renameRetrying(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(from, to, { recursive: true, errorOnExist: true, force: false })
    await rm(from, { recursive: true, force: true })
  }
}

import { dirname } from 'node:path'

/** Why a write failed, in words, for the errors a user can do something about. */
const REASONS: Record<string, (file: string) => string> = {
  ENOSPC: () => 'the disk is full. Free some space and try again',
  EDQUOT: () => 'your disk quota is used up. Free some space and try again',
  EROFS: () => 'the disk is read-only. Save to a writable folder, or remount the disk writable',
  EACCES: (file) =>
    `Courier may not write in ${dirname(file)}. Check the folder's permissions and try again`,
  EPERM: (file) =>
    `Courier may not write in ${dirname(file)}. Check the folder's permissions and try again`,
}

/**
 * A failed write of `file` as an error that names the file, says what is wrong and what to
 * do, and that the file was left as it was (every write Courier makes is atomic, so a
 * failure never leaves it torn). The errno `code` and `path` are kept, so the call layer
 * still reports it as FILE_SYSTEM. Other errors are returned as they are.
 */
export function describeWriteFailure(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code
  const reason = typeof code === 'string' ? REASONS[code] : undefined
  if (!reason) return error
  return Object.assign(
    new Error(`Could not save ${file}: ${reason(file)}. The file was left as it was.`, {
      cause: error,
    }),
    { code, path: file },
  )
}

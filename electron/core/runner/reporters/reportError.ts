/**
 * A report that cannot be made: an unknown reporter name, or a file that cannot be
 * written. The message names what is wrong and what to do, for people to read as it is
 * (the command line prints it without a stack).
 */
export class ReportError extends Error {
  override readonly name = 'ReportError'
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  // mkdir -p meets a file where a folder of the path should be.
  EEXIST: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open',
}

/**
 * Words a file-system failure for a tester: what could not be written, why, and how to
 * choose another place (the flag `courier run` takes for it).
 */
export function reportWriteError(
  what: string,
  path: string,
  flag: string,
  error: unknown,
): ReportError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? ''
  const why = WHY[code] ?? (error instanceof Error ? error.message : String(error))
  return new ReportError(
    `Cannot write the ${what} to "${path}": ${why}. Choose a file in a folder you can write to (courier run: ${flag} PATH).`,
  )
}

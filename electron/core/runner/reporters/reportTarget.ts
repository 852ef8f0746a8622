import { mkdir, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { reportWriteError } from './reportError'

/** Where a file report goes, and how to name it in messages. */
export interface ReportKind {
  /** For messages: "JSON report". */
  what: string
  /** The `courier run` flag that chooses its path. */
  flag: string
  /** File extension with its dot. */
  extension: string
}

/** The folder default report paths go in, under the working directory (newman: `newman/`). */
export const DEFAULT_REPORT_DIR = 'courier-reports'

/** A run's name made safe as a file name on every OS: `Users API` -> `Users-API`. */
export function fileSafeName(name: string): string {
  const safe = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
  return safe === '' ? 'run' : safe
}

/** `2024-05-01-09-30-00-123`: sorts by time, and is valid in file names everywhere. */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[^\d]+/g, '-')
    .replace(/-$/, '')
}

/**
 * The absolute path a report is written to, its folder created: the export path given
 * (relative to `cwd`; an existing folder gets a default-named file inside, as newman
 * does), else `courier-reports/<run name>-<timestamp><ext>` under `cwd`.
 *
 * @throws ReportError when the folder cannot be made.
 */
export async function reportTarget(
  kind: ReportKind,
  exportPath: string | undefined,
  cwd: string,
  runName: string,
  now: Date,
): Promise<string> {
  const defaultName = `${fileSafeName(runName)}-${fileTimestamp(now)}${kind.extension}`
  let target = join(resolve(cwd, DEFAULT_REPORT_DIR), defaultName)
  if (exportPath !== undefined && exportPath.trim() !== '') {
    target = resolve(cwd, exportPath)
    const existing = await stat(target).catch(() => null)
    if (existing?.isDirectory()) target = join(target, defaultName)
  }
  try {
    await mkdir(dirname(target), { recursive: true })
  } catch (error) {
    throw reportWriteError(kind.what, target, kind.flag, error)
  }
  return target
}

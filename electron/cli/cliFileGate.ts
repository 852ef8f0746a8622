import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { resolveText } from '../../shared/logic/variables'
import type { RequestBody } from '../../shared/model/request'
import { absoluteFilePath, listGate, openGate, type ListedFileGate } from '../core/http/fileGate'
import type { RunPlan } from '../core/runner/runPlan'
import { UsageError } from './cliIo'
import type { FileFlags } from './fileFlags'

/** The path with symbolic links resolved, as the engine checks it; itself when missing. */
export function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/**
 * What a command may upload: every file with --allow-files; otherwise the files of
 * --allow-file and `given` (paths the user typed on this command line, e.g. --binary @f).
 * Relative paths in requests are read from `baseDir` (the workspace or --working-dir).
 */
export function cliFileGate(
  baseDir: string | null,
  flags: FileFlags,
  given: readonly string[] = [],
): ListedFileGate {
  if (flags.allowFiles) return openGate(baseDir)
  const allowed = [...(flags.allowFile ?? []), ...given].map((p) => realPath(resolve(p)))
  return listGate(baseDir, allowed)
}

/** The file paths a body names (enabled multipart files, a binary body). */
export function filePathsOf(body: RequestBody): string[] {
  if (body.type === 'binary') return body.path.trim() === '' ? [] : [body.path]
  if (body.type !== 'multipart') return []
  return body.parts
    .filter((p) => p.kind === 'file' && p.enabled && p.key !== '' && p.path.trim() !== '')
    .map((p) => (p.kind === 'file' ? p.path : ''))
}

/**
 * Refuses, before anything is sent, the files a run's requests name that the gate does
 * not allow (exit 2 naming each). Paths with variables are resolved with the plan's
 * collection, environment and global values; a script may still change one, which the
 * engine then refuses at send time.
 *
 * @throws UsageError naming the requests, the files and the flag that allows them.
 */
export function refuseUnconfirmedRunFiles(plan: RunPlan, gate: ListedFileGate): void {
  const refused: string[] = []
  for (const item of plan.items) {
    const values = { ...plan.globals, ...item.collection, ...plan.environment, ...item.request }
    for (const written of filePathsOf(item.spec.body)) {
      const path = resolveText(written, values)
      const absolute = absoluteFilePath(path, gate)
      if (!gate.allows(realPath(absolute))) refused.push(`"${absolute}" (request "${item.path}")`)
    }
  }
  if (refused.length === 0) return
  throw new UsageError(
    `The requests upload local files you have not confirmed: ${refused.join(', ')}. Nothing was sent. ` +
      `Requests from a collection or workspace can name any file of this machine; allow each one with --allow-file PATH, or all of them with --allow-files if you trust where the requests came from.`,
  )
}

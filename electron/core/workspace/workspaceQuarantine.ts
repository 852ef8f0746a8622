import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { WorkspaceProblem } from '../../../shared/model/workspace'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles'
import { createFileAtomic } from './atomicFiles'
import { parseEnvironment, parseFolder, parseManifest, parseRequest } from './workspaceFormat'
import {
  ENV_DIR,
  ENV_EXT,
  FOLDER_FILE,
  LOCAL_DIR,
  MANIFEST_FILE,
  REQUEST_EXT,
} from './workspaceNames'

/** Where copies of corrupt workspace files are kept: local, git-ignored, private to the user. */
export const QUARANTINE_DIR = `${LOCAL_DIR}/quarantine`

/**
 * Copies of the workspace files Courier found corrupt (not JSON, or not the shape of a
 * request, folder, environment or manifest), kept in `.courier-local/quarantine/` before
 * anything can replace them: a save over a request whose file was broken by a bad merge,
 * a fix made in an editor, or a `git checkout`. A copy is named after the file and a hash
 * of its text (`Users/Get user.request.json.corrupt-<hash>`), so the same broken text is
 * kept once however often the workspace is read.
 */
export class WorkspaceQuarantine {
  /** Told to the user with the workspace's problems: a corrupt file that a save replaced. */
  readonly notices: WorkspaceProblem[] = []

  constructor(private readonly root: string) {}

  /**
   * Keeps `text`, the content of the workspace file `rel`, in quarantine. Returns the
   * copy's workspace path, or null when it could not be written (a full or read-only disk:
   * the caller's own error then says so).
   */
  async keep(rel: string, text: string): Promise<string | null> {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12)
    const copy = `${QUARANTINE_DIR}/${rel}.corrupt-${hash}`
    const abs = join(this.root, copy)
    try {
      ensurePrivateDir(dirname(abs))
      // False when the same text is already kept: that copy stands.
      await createFileAtomic(abs, text, { root: this.root, mode: PRIVATE_FILE_MODE })
      return copy
    } catch {
      return null
    }
  }

  /**
   * Before a save replaces `rel`, whose text did not parse: keeps a copy and tells the
   * user. Throws when no copy could be made, so the broken file is never replaced unseen.
   */
  async keepBeforeReplacing(rel: string, text: string): Promise<void> {
    const copy = await this.keep(rel, text)
    if (copy === null)
      throw new Error(
        `${rel} could not be read and a copy of it could not be kept in ${QUARANTINE_DIR}, so it was not replaced. Free some disk space, or fix the file in an editor.`,
      )
    this.notices.push({
      path: rel,
      message: `${rel} could not be read, so your save replaced it; its old text is kept in ${copy}.`,
    })
  }

  /**
   * The workspace's problems as shown: for each file that is corrupt (rather than written
   * by a newer Courier, or unreadable), a copy is kept and the message says where.
   */
  async withCopies(problems: readonly WorkspaceProblem[]): Promise<WorkspaceProblem[]> {
    return Promise.all(
      problems.map(async (problem) => {
        const text = await this.corruptText(problem.path)
        if (text === null) return problem
        const copy = await this.keep(problem.path, text)
        if (copy === null) return problem
        return { ...problem, message: `${problem.message} A copy is kept in ${copy}.` }
      }),
    )
  }

  /** The text of `rel` when it is a workspace file that does not parse as its kind; else null. */
  private async corruptText(rel: string): Promise<string | null> {
    const parse = parserFor(rel)
    if (!parse) return null
    const text = await readFile(join(this.root, rel), 'utf8').catch(() => null)
    if (text === null) return null
    const parsed = parse(text, rel)
    return !parsed.ok && !parsed.newer ? text : null
  }
}

type Parser = (text: string, rel: string) => { ok: boolean; newer?: boolean }

function parserFor(rel: string): Parser | null {
  if (rel === MANIFEST_FILE) return parseManifest
  if (rel === FOLDER_FILE || rel.endsWith(`/${FOLDER_FILE}`)) return parseFolder
  if (rel.startsWith(`${ENV_DIR}/`) && rel.endsWith(ENV_EXT)) return parseEnvironment
  if (rel.endsWith(REQUEST_EXT)) return parseRequest
  return null
}

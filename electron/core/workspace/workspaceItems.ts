import { cp, mkdir, readFile, stat } from 'node:fs/promises'
import { SavedRequestSchema, type SavedRequest } from '../../../shared/model/workspace'
import { WorkspaceError } from './workspaceApi'
import { createFileAtomic, exists, moveEntry, sameEntry, writeFileAtomic } from './atomicFiles'
import { assertNoLinkOut } from './linkGuard'
import { parseRequest, requestText } from './workspaceFormat'
import {
  ENV_DIR,
  REQUEST_EXT,
  baseOf,
  joinRel,
  numbered,
  parentOf,
  requestBaseName,
  resolveInside,
  safeName,
} from './workspaceNames'
import { scopeOf, type SecretVault } from './workspaceSecrets'
import type { WorkspaceTrash } from './workspaceTrash'
import { WorkspaceQuarantine } from './workspaceQuarantine'

type Kind = 'folder' | 'request'

/**
 * The requests and folders of one open workspace: reading and saving requests, and the
 * tree operations (create, rename, move, duplicate, delete and undo). Secret rows follow
 * their request or folder to its new path. Paths are workspace paths (`/`, relative).
 */
export class WorkspaceItems {
  constructor(
    private readonly root: string,
    private readonly vault: SecretVault,
    private readonly trash: WorkspaceTrash,
    private readonly quarantine: WorkspaceQuarantine = new WorkspaceQuarantine(root),
  ) {}

  private abs(rel: string): string {
    return resolveInside(this.root, rel)
  }

  /** Every write stays inside the workspace: symbolic links out of it are refused. */
  private get scope() {
    return { root: this.root }
  }

  private async kindOf(rel: string): Promise<Kind> {
    const info = rel === '' ? null : await stat(this.abs(rel)).catch(() => null)
    if (info?.isDirectory()) return 'folder'
    if (info?.isFile() && rel.endsWith(REQUEST_EXT)) return 'request'
    throw new WorkspaceError(
      `"${rel}" is not in the workspace any more (moved, renamed or deleted outside Courier?). The tree has been refreshed.`,
    )
  }

  private async folderDir(folder: string): Promise<string> {
    const dir = this.abs(folder)
    const info = await stat(dir).catch(() => null)
    if (!info?.isDirectory())
      throw new WorkspaceError(`The folder "${folder}" does not exist any more; choose another.`)
    return dir
  }

  /** The first of `stems` (+ `ext`) free in `folder`; `except` = the entry being renamed. */
  private async freeName(folder: string, stems: Iterable<string>, ext: string, except?: string) {
    for (const stem of stems) {
      if (folder === '' && ext === '' && stem.toLowerCase() === ENV_DIR) continue
      const rel = joinRel(folder, stem + ext)
      const abs = this.abs(rel)
      if (!(await exists(abs)) || (except && (await sameEntry(abs, except)))) return { rel, abs }
    }
    throw new Error('unreachable')
  }

  /** A request as in its file (secret values blank); a WorkspaceError naming it when it does not parse. */
  private async readFile(path: string): Promise<SavedRequest> {
    await this.kindOf(path)
    const parsed = parseRequest(await readFile(this.abs(path), 'utf8'), path)
    if (!parsed.ok) throw new WorkspaceError(parsed.problem.message)
    return parsed.value
  }

  /** What `path` holds before a save; refuses to overwrite a file of a newer Courier. */
  private async previous(path: string): Promise<SavedRequest | null> {
    const text = await readFile(this.abs(path), 'utf8').catch(() => null)
    if (text === null) return null
    const parsed = parseRequest(text, path)
    if (parsed.ok) return parsed.value
    if (parsed.newer) throw new WorkspaceError(parsed.problem.message)
    // Broken (a bad merge, a hand edit): the save may replace it, but never unseen.
    await this.quarantine.keepBeforeReplacing(path, text)
    return null
  }

  async read(path: string): Promise<SavedRequest> {
    const request = await this.readFile(path)
    const scope = scopeOf.request(path)
    return {
      ...request,
      auth: this.vault.fillAuth(scope, request.auth),
      variables: this.vault.fill(scope, request.variables),
    }
  }

  /**
   * Writes `request` as a new file in `folder` named after `name` (`name (2)`, ... when
   * taken). The request keeps its own name, or with `renamed` takes the numbered one (a
   * copy's "X copy (2)"). The number goes after the safe name so a long name keeps it.
   */
  private async create(folder: string, name: string, request: SavedRequest, renamed: boolean) {
    await this.folderDir(folder)
    const names = numbered(name)
    for (const stem of numbered(safeName(name))) {
      const candidate = names.next().value as string
      const rel = joinRel(folder, stem + REQUEST_EXT)
      const named = renamed ? { ...request, name: candidate } : request
      if (!(await createFileAtomic(this.abs(rel), requestText(named), this.scope))) continue
      this.vault.keepWithAuth(scopeOf.request(rel), request.variables, request.auth, null)
      return rel
    }
    throw new Error('unreachable')
  }

  async save(path: string | null, folder: string, input: SavedRequest): Promise<string> {
    const parsed = SavedRequestSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new WorkspaceError(
        `The request "${input?.name ?? ''}" could not be saved: field ${issue.path.join('.')}: ${issue.message}.`,
      )
    }
    const request = parsed.data
    if (path === null) return this.create(folder, request.name, request, false)
    if (!path.endsWith(REQUEST_EXT))
      throw new WorkspaceError(`"${path}" is not a request file (*${REQUEST_EXT}).`)
    await this.folderDir(parentOf(path))
    const previous = await this.previous(path)
    this.vault.keepWithAuth(
      scopeOf.request(path),
      request.variables,
      request.auth,
      previous?.variables ?? null,
    )
    await writeFileAtomic(this.abs(path), requestText(request), this.scope)
    return path
  }

  async createFolder(parent: string, name: string): Promise<string> {
    await this.folderDir(parent)
    for (const stem of numbered(safeName(name))) {
      if (parent === '' && stem.toLowerCase() === ENV_DIR) continue
      const rel = joinRel(parent, stem)
      try {
        await assertNoLinkOut(this.root, this.abs(rel))
        await mkdir(this.abs(rel))
        return rel
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
    throw new Error('unreachable')
  }

  /** Moves an item to `to`, carrying its secrets (and those of everything inside) along. */
  private async relocate(from: string, to: { rel: string; abs: string }): Promise<string> {
    if (to.rel === from) return from
    await moveEntry(this.abs(from), to.abs, this.scope)
    await this.vault.relocateFiles(this.root, from, to.rel)
    return to.rel
  }

  async rename(path: string, name: string): Promise<string> {
    const kind = await this.kindOf(path)
    const folder = parentOf(path)
    const abs = this.abs(path)
    if (kind === 'folder')
      return this.relocate(path, await this.freeName(folder, numbered(safeName(name)), '', abs))
    const request = await this.readFile(path)
    const target = await this.freeName(folder, numbered(safeName(name)), REQUEST_EXT, abs)
    await writeFileAtomic(abs, requestText({ ...request, name }), this.scope)
    return this.relocate(path, target)
  }

  async move(path: string, toFolder: string): Promise<string> {
    const kind = await this.kindOf(path)
    await this.folderDir(toFolder)
    if (kind === 'folder' && (toFolder === path || toFolder.startsWith(`${path}/`)))
      throw new WorkspaceError(`The folder "${baseOf(path)}" cannot be moved into itself.`)
    if (parentOf(path) === toFolder) return path
    const ext = kind === 'request' ? REQUEST_EXT : ''
    const stem = kind === 'request' ? requestBaseName(baseOf(path)) : baseOf(path)
    return this.relocate(path, await this.freeName(toFolder, numbered(stem), ext))
  }

  async duplicate(path: string): Promise<string> {
    const kind = await this.kindOf(path)
    const folder = parentOf(path)
    if (kind === 'request') {
      const request = await this.read(path)
      return this.create(folder, `${request.name} copy`, request, true)
    }
    const target = await this.freeName(folder, numbered(safeName(`${baseOf(path)} copy`)), '')
    await assertNoLinkOut(this.root, target.abs)
    await cp(this.abs(path), target.abs, { recursive: true, errorOnExist: true, force: false })
    await this.vault.relocateFiles(this.root, path, target.rel, true)
    return target.rel
  }

  async delete(path: string): Promise<string> {
    await this.kindOf(path)
    return this.trash.put(this.root, path, this.abs(path))
  }

  async undoDelete(undoId: string): Promise<string> {
    const entry = await this.trash.get(undoId)
    if (entry.workspaceDir !== this.root)
      throw new WorkspaceError(
        `That item was deleted from another workspace (${entry.workspaceDir}); open it to undo the delete.`,
      )
    const folder = parentOf(entry.path)
    await assertNoLinkOut(this.root, this.abs(folder))
    await mkdir(this.abs(folder), { recursive: true })
    const isRequest = entry.path.endsWith(REQUEST_EXT)
    const base = baseOf(entry.path)
    const stem = isRequest ? requestBaseName(base) : base
    const target = await this.freeName(folder, numbered(stem), isRequest ? REQUEST_EXT : '')
    await moveEntry(entry.kept, target.abs, this.scope)
    await this.trash.drop(undoId)
    await this.vault.relocateFiles(this.root, entry.path, target.rel)
    return target.rel
  }
}

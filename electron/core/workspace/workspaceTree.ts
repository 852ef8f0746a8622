import type { Dirent } from 'node:fs'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  InheritedDefaultsSchema,
  type InheritedDefaults,
  type TreeNode,
  type WorkspaceProblem,
} from '../../../shared/model/workspace'
import { parseFolder, parseRequest } from './workspaceFormat'
import {
  ENV_DIR,
  FOLDER_FILE,
  MANIFEST_FILE,
  REQUEST_EXT,
  joinRel,
  requestBaseName,
} from './workspaceNames'

export interface ScannedTree {
  tree: TreeNode[]
  /** Files that could not be read; they are left out of the tree, the rest is there. */
  problems: WorkspaceProblem[]
}

/** Fills what the files do not hold (secret values) into a folder's defaults. */
export type DefaultsFiller = (folder: string, defaults: InheritedDefaults) => InheritedDefaults

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

const stemOf = (path: string) => requestBaseName(path.slice(path.lastIndexOf('/') + 1))

/**
 * Folders first, then by name as a person sorts ("Item 2" before "item 10"); requests of
 * the same name by file name ("Get" before "Get (2)" before "Get (10)").
 */
export function compareNodes(a: TreeNode, b: TreeNode): number {
  if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1
  return (
    collator.compare(a.name, b.name) ||
    collator.compare(stemOf(a.path), stemOf(b.path)) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  )
}

/** Whether a directory entry is one Courier looks at (no dotfiles, no root-level metadata). */
function isCandidate(folder: string, entry: Dirent): boolean {
  if (entry.name.startsWith('.')) return false
  if (folder === '' && (entry.name === ENV_DIR || entry.name === MANIFEST_FILE)) return false
  return entry.isDirectory() || (entry.isFile() && entry.name.endsWith(REQUEST_EXT))
}

function problemOf(path: string, error: unknown): WorkspaceProblem {
  const reason = error instanceof Error ? error.message : String(error)
  return { path, message: `${path}: could not be read (${reason}). Check its permissions.` }
}

/** The defaults a folder's `folder.json` gives (none when it has no such file). */
export async function readFolderDefaults(
  root: string,
  folder: string,
  problems: WorkspaceProblem[],
): Promise<InheritedDefaults> {
  const rel = joinRel(folder, FOLDER_FILE)
  let text: string
  try {
    text = await readFile(join(root, rel), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(problemOf(rel, error))
    return InheritedDefaultsSchema.parse({})
  }
  const parsed = parseFolder(text, rel)
  if (parsed.ok) return parsed.value.defaults
  problems.push(parsed.problem)
  return InheritedDefaultsSchema.parse({})
}

async function scanNode(
  root: string,
  folder: string,
  entry: Dirent,
  problems: WorkspaceProblem[],
  fill: DefaultsFiller,
): Promise<TreeNode | null> {
  const path = joinRel(folder, entry.name)
  if (entry.isDirectory()) {
    const defaults = fill(path, await readFolderDefaults(root, path, problems))
    const children = await scanFolder(root, path, problems, fill)
    return { kind: 'folder', path, name: entry.name, defaults, children }
  }
  let text: string
  try {
    text = await readFile(join(root, path), 'utf8')
  } catch (error) {
    // Gone between listing and reading (a git checkout in progress): the next scan sees it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(problemOf(path, error))
    return null
  }
  const parsed = parseRequest(text, path)
  if (!parsed.ok) {
    problems.push(parsed.problem)
    return null
  }
  const { name, method, url } = parsed.value
  return { kind: 'request', path, name, method, url }
}

async function scanFolder(
  root: string,
  folder: string,
  problems: WorkspaceProblem[],
  fill: DefaultsFiller,
): Promise<TreeNode[]> {
  let entries: Dirent[]
  try {
    entries = await readdir(join(root, folder), { withFileTypes: true })
  } catch (error) {
    if (folder !== '' && (error as NodeJS.ErrnoException).code === 'ENOENT') return []
    problems.push(problemOf(folder || '.', error))
    return []
  }
  const nodes = await Promise.all(
    entries
      .filter((e) => isCandidate(folder, e))
      .map((e) => scanNode(root, folder, e, problems, fill)),
  )
  return nodes.filter((n): n is TreeNode => n !== null).sort(compareNodes)
}

/**
 * Reads a workspace folder into its tree: directories are folders, `*.request.json` files
 * requests. `environments/`, `courier.json`, dotfiles and other files are not part of it.
 */
export async function scanTree(root: string, fill: DefaultsFiller = (_, d) => d) {
  const problems: WorkspaceProblem[] = []
  const tree = await scanFolder(root, '', problems, fill)
  problems.sort((a, b) => collator.compare(a.path, b.path))
  return { tree, problems } satisfies ScannedTree
}

/** A file that may hold secret rows: a folder's defaults or a request. */
export interface CourierFile {
  kind: 'folder' | 'request'
  /** Workspace path of the folder (for `folder`) or of the request file. */
  rel: string
  abs: string
}

/** Every folder and request file at or under `rel` (a request file or a folder). */
export async function listCourierFiles(root: string, rel: string): Promise<CourierFile[]> {
  const abs = join(root, ...rel.split('/'))
  const info = await stat(abs).catch(() => null)
  if (!info) return []
  if (info.isFile()) return rel.endsWith(REQUEST_EXT) ? [{ kind: 'request', rel, abs }] : []
  const found: CourierFile[] = [{ kind: 'folder', rel, abs: join(abs, FOLDER_FILE) }]
  const entries = await readdir(abs, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!isCandidate('.', entry)) continue
    found.push(...(await listCourierFiles(root, joinRel(rel, entry.name))))
  }
  return found
}

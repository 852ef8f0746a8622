import { lstat, readlink, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { WorkspaceError } from './workspaceApi'

/**
 * Refuses a write to `target` (a file or folder Courier is about to create, replace or
 * move into) when a symbolic link would carry it out of the workspace at `root`: a linked
 * folder on the way, or the target itself a link to a file elsewhere. A workspace comes
 * from git or an import, so a link in it is not trusted to say where Courier may write
 * (`requests -> ~/.ssh` would otherwise let a save replace a key). Links that stay inside
 * the workspace are fine.
 *
 * @throws WorkspaceError naming the link and where it points.
 */
export async function assertNoLinkOut(root: string, target: string): Promise<void> {
  if (resolve(target) === resolve(root)) return
  const realRoot = await realpath(root)
  const info = await lstat(target).catch(() => null)
  if (info?.isSymbolicLink()) {
    const pointsTo = await linkTarget(target)
    if (!isInside(realRoot, pointsTo)) throw linkOut(root, target, pointsTo)
  }
  const parent = await nearestExisting(dirname(target))
  if (isInside(realRoot, await realpath(parent))) return
  // Name the first link on the way down from the root: that is the one to fix.
  const parts = relative(root, parent).split(sep).filter(Boolean)
  let at = root
  for (const part of parts) {
    at = join(at, part)
    if ((await lstat(at)).isSymbolicLink()) throw linkOut(root, at, await linkTarget(at))
  }
  throw new WorkspaceError(
    `Courier will not write ${target}: it is outside the workspace folder ${root}.`,
  )
}

function linkOut(root: string, link: string, pointsTo: string): WorkspaceError {
  const name = relative(root, link).split(sep).join('/')
  return new WorkspaceError(
    `Courier will not write through "${name}": it is a symbolic link to ${pointsTo}, outside the workspace. Replace the link with a real file or folder, or open ${pointsTo} as a workspace of its own.`,
  )
}

/** Where a link leads: its real path, or (dangling) its target resolved against its folder. */
async function linkTarget(link: string): Promise<string> {
  try {
    return await realpath(link)
  } catch {
    const raw = await readlink(link)
    return isAbsolute(raw) ? raw : resolve(dirname(link), raw)
  }
}

async function nearestExisting(dir: string): Promise<string> {
  for (let at = dir; ; at = dirname(at)) {
    if (await lstat(at).catch(() => null)) return at
    if (dirname(at) === at) return at
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

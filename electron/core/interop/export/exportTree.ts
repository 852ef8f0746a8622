import type { InheritanceLevel } from '../../../../shared/logic/inheritance'
import type {
  InheritedDefaults,
  SavedRequest,
  TreeNode,
  WorkspaceSnapshot,
} from '../../../../shared/model/workspace'
import { blankAuthSecret } from '../../workspace/authSecrets'
import { WorkspaceError, type WorkspaceApi } from '../../workspace/workspaceApi'
import { blankSecrets } from '../../workspace/workspaceFormat'

/** A folder as exported: secrets already blank, requests read. */
export interface ExportFolder {
  name: string
  defaults: InheritedDefaults
  requests: ExportRequest[]
  folders: ExportFolder[]
}

export interface ExportRequest {
  /** Path in the workspace, e.g. `Users/Update user.request.json`. */
  path: string
  request: SavedRequest
}

/** What to export: the folder, and the levels above it whose defaults it inherits. */
export interface ExportSource {
  /** The workspace's name, or the folder's. */
  name: string
  /** The workspace and each folder above the exported one, outermost first (secrets blank). */
  ancestors: InheritanceLevel[]
  root: ExportFolder
}

/** Defaults as a file holds them: secret variable values and literal credentials blank. */
export function blankDefaults(defaults: InheritedDefaults): InheritedDefaults {
  return {
    ...defaults,
    auth: blankAuthSecret(defaults.auth),
    variables: blankSecrets(defaults.variables),
  }
}

function blankRequest(request: SavedRequest): SavedRequest {
  return {
    ...request,
    auth: blankAuthSecret(request.auth),
    variables: blankSecrets(request.variables),
  }
}

async function readFolder(
  workspace: WorkspaceApi,
  name: string,
  defaults: InheritedDefaults,
  children: TreeNode[],
): Promise<ExportFolder> {
  const folder: ExportFolder = {
    name,
    defaults: blankDefaults(defaults),
    requests: [],
    folders: [],
  }
  for (const child of children) {
    if (child.kind === 'request') {
      const request = blankRequest(await workspace.readRequest(child.path))
      folder.requests.push({ path: child.path, request })
    } else {
      folder.folders.push(await readFolder(workspace, child.name, child.defaults, child.children))
    }
  }
  return folder
}

/**
 * Reads a folder ('' = the whole workspace) for export, with every secret blank the way
 * workspace files have them.
 *
 * @throws WorkspaceError when no folder has that path.
 */
export async function readExportSource(
  workspace: WorkspaceApi,
  folderPath: string,
): Promise<ExportSource> {
  const snapshot: WorkspaceSnapshot = await workspace.snapshot()
  const top = snapshot.manifest
  const path = folderPath.replace(/^\/+|\/+$/g, '')
  if (path === '') {
    return {
      name: top.name,
      ancestors: [],
      root: await readFolder(workspace, top.name, top.defaults, snapshot.tree),
    }
  }
  const ancestors: InheritanceLevel[] = [
    { name: 'workspace', kind: 'workspace', defaults: blankDefaults(top.defaults) },
  ]
  let nodes = snapshot.tree
  for (;;) {
    const node = nodes.find(
      (n) => n.kind === 'folder' && (path === n.path || path.startsWith(n.path + '/')),
    )
    if (!node || node.kind !== 'folder') {
      throw new WorkspaceError(
        `No folder "${folderPath}" in workspace "${top.name}". Give a folder path as shown in the tree, e.g. "Users".`,
      )
    }
    if (node.path === path) {
      return {
        name: node.name,
        ancestors,
        root: await readFolder(workspace, node.name, node.defaults, node.children),
      }
    }
    ancestors.push({ name: node.name, kind: 'folder', defaults: blankDefaults(node.defaults) })
    nodes = node.children
  }
}

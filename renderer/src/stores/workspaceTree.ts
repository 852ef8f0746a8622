import type { InheritanceLevel } from '../../../shared/logic/inheritance'
import type { TreeNode, WorkspaceSnapshot } from '../../../shared/model/workspace'

/** The folder path that holds `path` ('' for the root). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** Every node of the tree, depth first. */
export function* walk(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const node of nodes) {
    yield node
    if (node.kind === 'folder') yield* walk(node.children)
  }
}

export function findNode(nodes: readonly TreeNode[], path: string): TreeNode | null {
  for (const node of walk(nodes)) if (node.path === path) return node
  return null
}

/** Every folder path, for "save into" pickers ('' is the workspace root). */
export function folderPaths(nodes: readonly TreeNode[]): string[] {
  return ['', ...[...walk(nodes)].filter((n) => n.kind === 'folder').map((n) => n.path)]
}

/** What a request at `path` inherits: the workspace, then each enclosing folder. */
export function inheritanceChain(
  snapshot: WorkspaceSnapshot,
  path: string | null,
): InheritanceLevel[] {
  const chain: InheritanceLevel[] = [
    { name: snapshot.manifest.name, kind: 'workspace', defaults: snapshot.manifest.defaults },
  ]
  if (path === null) return chain
  const parts = parentOf(path).split('/').filter(Boolean)
  let prefix = ''
  for (const part of parts) {
    prefix = prefix ? `${prefix}/${part}` : part
    const node = findNode(snapshot.tree, prefix)
    if (node?.kind === 'folder')
      chain.push({ name: node.name, kind: 'folder', defaults: node.defaults })
  }
  return chain
}

/**
 * The nodes whose name or URL contains `text` (case-insensitive), with the folders that
 * lead to them, so a filtered tree still shows where each match lives.
 */
export function filterTree(nodes: readonly TreeNode[], text: string): TreeNode[] {
  const needle = text.trim().toLowerCase()
  if (needle === '') return [...nodes]
  const out: TreeNode[] = []
  for (const node of nodes) {
    if (node.kind === 'request') {
      if (node.name.toLowerCase().includes(needle) || node.url.toLowerCase().includes(needle)) {
        out.push(node)
      }
    } else {
      const children = node.name.toLowerCase().includes(needle)
        ? node.children
        : filterTree(node.children, text)
      if (children.length > 0 || node.name.toLowerCase().includes(needle)) {
        out.push({ ...node, children })
      }
    }
  }
  return out
}

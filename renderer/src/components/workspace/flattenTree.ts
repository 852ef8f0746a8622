import type { TreeNode } from '../../../../shared/model/workspace'

/** One visible row of the tree, flattened for rendering and keyboard moves. */
export interface TreeRow {
  node: TreeNode
  level: number
  /** 1-based position among its siblings, and how many siblings there are (ARIA). */
  position: number
  setSize: number
  parent: string | null
}

/** The rows a user sees: every node whose enclosing folders are all expanded. */
export function flattenTree(
  nodes: readonly TreeNode[],
  expanded: ReadonlySet<string>,
  level = 1,
  parent: string | null = null,
): TreeRow[] {
  const rows: TreeRow[] = []
  nodes.forEach((node, i) => {
    rows.push({ node, level, position: i + 1, setSize: nodes.length, parent })
    if (node.kind === 'folder' && expanded.has(node.path)) {
      rows.push(...flattenTree(node.children, expanded, level + 1, node.path))
    }
  })
  return rows
}

import type { RecentWorkspace } from '../../../../shared/ipc'
import type { TreeNode } from '../../../../shared/model/workspace'
import type { MenuItem } from '../base/BaseMenu.vue'

const EXPORTS: MenuItem[] = [
  { id: 'export-postman', label: 'Export as Postman collection' },
  { id: 'export-har', label: 'Export as HAR' },
]

/**
 * The actions offered for a tree item, or for the workspace itself (node null), where the
 * other recent workspaces are offered too (`recent:<dir>`).
 */
export function workspaceMenu(
  node: TreeNode | null,
  recent: readonly RecentWorkspace[],
  currentDir: string | undefined,
): MenuItem[] {
  if (!node) {
    return [
      { id: 'run', label: 'Run workspace' },
      { id: 'new-folder', label: 'New folder' },
      { id: 'workspace-settings', label: 'Workspace settings' },
      ...EXPORTS,
      { id: 'open', label: 'Open workspace folder…' },
      { id: 'create', label: 'New workspace…' },
      ...recent
        .filter((r) => r.dir !== currentDir)
        .map((r) => ({ id: `recent:${r.dir}`, label: `Switch to ${r.name}` })),
    ]
  }
  const common: MenuItem[] = [
    { id: 'rename', label: 'Rename' },
    { id: 'duplicate', label: 'Duplicate' },
    { id: 'delete', label: 'Delete', danger: true },
  ]
  if (node.kind === 'request') return common
  return [
    { id: 'run', label: 'Run folder' },
    { id: 'new-request', label: 'New request here' },
    { id: 'new-folder', label: 'New folder here' },
    { id: 'folder-settings', label: 'Folder settings' },
    ...EXPORTS,
    ...common,
  ]
}

import type { RunScope } from '../../../shared/ipc'
import type { TreeNode } from '../../../shared/model/workspace'
import { findNode, walk } from './workspaceTree'

/** What the Runner is opened on: the whole workspace, or one folder of it. */
export type RunnerTarget = { kind: 'workspace' } | { kind: 'folder'; path: string; name: string }

/** A request of the scope, as the setup lists it. */
export interface RunnerItem {
  path: string
  name: string
  method: string
  /** Chosen to run. */
  checked: boolean
}

/** The requests of the target in saved order (the tree's), every one chosen. */
export function requestsOf(tree: readonly TreeNode[], target: RunnerTarget): RunnerItem[] {
  const folder = target.kind === 'folder' ? findNode(tree, target.path) : null
  const nodes = folder?.kind === 'folder' ? folder.children : target.kind === 'folder' ? [] : tree
  return [...walk(nodes)].flatMap((node) =>
    node.kind === 'request'
      ? [{ path: node.path, name: node.name, method: node.method, checked: true }]
      : [],
  )
}

/**
 * The scope to ask for: the target itself while its saved order and every request are
 * kept, else the chosen requests in the order set (named after the target).
 */
export function scopeOf(
  target: RunnerTarget,
  items: readonly RunnerItem[],
  saved: readonly RunnerItem[],
): RunScope {
  const unchanged =
    items.every((item) => item.checked) &&
    items.length === saved.length &&
    items.every((item, i) => item.path === saved[i]!.path)
  if (unchanged) return target.kind === 'folder' ? { kind: 'folder', path: target.path } : target
  return {
    kind: 'requests',
    paths: items.filter((item) => item.checked).map((item) => item.path),
    ...(target.kind === 'folder' && { name: target.name }),
  }
}

/** `items` with the one at `from` moved to `to`. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  if (to < 0 || to >= next.length || from === to) return next
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item!)
  return next
}

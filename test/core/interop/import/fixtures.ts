import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ImportedFolder } from '../../../../electron/core/interop/interopTypes'
import type { SavedRequest } from '../../../../shared/model/workspace'

/** The text of a fixture under test/fixtures/interop. */
export function fixture(name: string): string {
  return readFileSync(resolve('test/fixtures/interop', name), 'utf8')
}

/** A request of an imported tree by its folder path, e.g. `Users/Admin/Create user`. */
export function requestAt(root: ImportedFolder, path: string): SavedRequest {
  const parts = path.split('/')
  const name = parts.pop()!
  let folder = root
  for (const part of parts) {
    const next = folder.folders.find((f) => f.name === part)
    if (!next) throw new Error(`no folder ${part} in ${folder.name}`)
    folder = next
  }
  const found = folder.requests.find((r) => r.name === name)
  if (!found) throw new Error(`no request ${name} in ${folder.name}`)
  return found
}

/** Every request of a tree, depth-first. */
export function allRequests(folder: ImportedFolder): SavedRequest[] {
  return [...folder.requests, ...folder.folders.flatMap(allRequests)]
}

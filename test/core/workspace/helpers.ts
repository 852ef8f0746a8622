import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore'
import { createMemoryStore, type KeyValueStore } from '../../../electron/core/storage/keyValueStore'
import { WorkspaceService } from '../../../electron/core/workspace/workspaceService'
import type { SecretStore } from '../../../electron/core/secrets/secretStore'
import type { TreeNode, WorkspaceSnapshot } from '../../../shared/model/workspace'
import { SavedRequestSchema, type SavedRequest } from '../../../shared/model/workspace'

/** A fresh directory under the OS temp dir. */
export function tempDir(prefix = 'courier-ws-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface Harness {
  service: WorkspaceService
  dataDir: string
  store: KeyValueStore
  secrets: SecretStore
}

/** A service on a fresh data dir (or the given one, to "restart" the app). */
export function harness(over: Partial<Omit<Harness, 'service'>> & { watch?: boolean } = {}) {
  const dataDir = over.dataDir ?? tempDir('courier-data-')
  const store = over.store ?? createMemoryStore()
  const secrets = over.secrets ?? new MemorySecretStore(null)
  const service = new WorkspaceService({ dataDir, store, secrets, watch: over.watch ?? false })
  return { service, dataDir, store, secrets } satisfies Harness
}

/** A saved request with the given fields, defaults filled by the schema. */
export function request(over: Record<string, unknown> = {}): SavedRequest {
  return SavedRequestSchema.parse({
    name: 'Get user',
    method: 'GET',
    url: 'https://x.test',
    ...over,
  })
}

/** Every file under `dir`, recursively (absolute paths). */
export function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? allFiles(path) : [path]
  })
}

/** The tree as `path` strings, depth-first, in display order. */
export function paths(tree: TreeNode[]): string[] {
  return tree.flatMap((n) => (n.kind === 'folder' ? [n.path, ...paths(n.children)] : [n.path]))
}

/** Resolves with the first snapshot pushed to onChange that satisfies `test`. */
export function nextSnapshot(
  service: WorkspaceService,
  test: (snapshot: WorkspaceSnapshot) => boolean,
): Promise<WorkspaceSnapshot> {
  return new Promise((resolve) => {
    const stop = service.onChange((snapshot) => {
      if (!test(snapshot)) return
      stop()
      resolve(snapshot)
    })
  })
}

import { defaultDataDir } from '../core/dataDir'
import { MemorySecretStore } from '../core/secrets/memorySecretStore'
import { createMemoryStore } from '../core/storage/keyValueStore'
import { WorkspaceService } from '../core/workspace/workspaceService'

/**
 * A workspace service for one CLI command on a folder given on the command line: it does
 * not watch, keeps its state in memory (so the app's "last opened" and active environment
 * are untouched) and holds secrets only for this run.
 */
export function cliWorkspaceService(): WorkspaceService {
  return new WorkspaceService({
    dataDir: defaultDataDir(),
    store: createMemoryStore(),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
}

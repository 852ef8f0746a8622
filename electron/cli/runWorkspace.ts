import { resolve } from 'node:path'
import { defaultDataDir } from '../core/dataDir'
import { PlanSelectionError } from '../core/runner/planFromImport'
import { planFromWorkspace } from '../core/runner/planFromWorkspace'
import type { RunPlan } from '../core/runner/runPlan'
import { MemorySecretStore } from '../core/secrets/memorySecretStore'
import { openConfStore, type StorageNotice } from '../core/storage/openConfStore'
import { WorkspaceService } from '../core/workspace/workspaceService'
import { UsageError, type CliIo } from './cliIo'
import { readOnly } from './savedRequest'

export interface WorkspaceTarget {
  /** `Folder/Sub` as shown in the tree; '' for the whole workspace. */
  folder: string
  /** `--workspace DIR`; by default the workspace last opened in Courier. */
  workspaceDir?: string
  /** `--env NAME`; by default the environment active in Courier for that workspace. */
  environment?: string
}

/**
 * The plan of a saved workspace or one of its folders, read as `courier send` reads a
 * saved request: without changing the app's state, secrets unreadable (the caller supplies
 * them from COURIER_VAR_* or --secrets).
 *
 * @throws UsageError naming the folder or environment that does not exist, with what does.
 * @throws WorkspaceError when the workspace cannot be opened.
 */
export async function planFromSavedWorkspace(
  target: WorkspaceTarget,
  io: Pick<CliIo, 'stderr'>,
): Promise<RunPlan> {
  const dataDir = defaultDataDir()
  const notices: StorageNotice[] = []
  const workspace = new WorkspaceService({
    dataDir,
    store: readOnly(openConfStore(dataDir, notices)),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
  try {
    const snapshot = target.workspaceDir
      ? await workspace.open(resolve(target.workspaceDir))
      : await workspace.snapshot()
    for (const notice of notices) io.stderr(`Note: ${notice.message}\n`)
    // The app's remembered environment may have been deleted since: run without one.
    const active = snapshot.activeEnvironment
    const remembered = snapshot.environments.some((e) => e.name === active) ? active : null
    return await planFromWorkspace(
      {
        snapshot,
        readRequest: (path) => workspace.readRequest(path),
        globals: workspace.globals(),
      },
      {
        folder: target.folder.replace(/^\/+|\/+$/g, ''),
        environment: target.environment ?? remembered ?? null,
      },
    )
  } catch (error) {
    if (error instanceof PlanSelectionError) throw new UsageError(error.message)
    throw error
  } finally {
    await workspace.close()
  }
}

import type {
  InheritedDefaults,
  WorkspaceProblem,
  WorkspaceSnapshot,
} from '../../../shared/model/workspace'
import { join } from 'node:path'
import type { SecretStore } from '../secrets/secretStore'
import { tightenTree } from '../storage/privateFiles'
import { WorkspaceEnvironments } from './workspaceEnvironments'
import { WorkspaceItems } from './workspaceItems'
import { WorkspaceQuarantine } from './workspaceQuarantine'
import { fillDefaults, readManifest } from './workspaceManifest'
import { LOCAL_DIR } from './workspaceNames'
import { SecretVault } from './workspaceSecrets'
import type { WorkspaceTrash } from './workspaceTrash'
import { scanTree } from './workspaceTree'
import { WorkspaceWatcher } from './workspaceWatcher'

/** The parts that work on one open workspace folder. */
export interface OpenWorkspace {
  /** Absolute path of the folder. */
  dir: string
  vault: SecretVault
  items: WorkspaceItems
  environments: WorkspaceEnvironments
  watcher: WorkspaceWatcher
  /** Copies of corrupt files, and notices of the ones a save replaced. */
  quarantine: WorkspaceQuarantine
}

export function openWorkspace(
  dir: string,
  secrets: SecretStore,
  trash: WorkspaceTrash,
  options: { watch: boolean; onChange: () => void },
): OpenWorkspace {
  const vault = new SecretVault(secrets, dir)
  // The local, git-ignored state is this user's alone, like the data directory.
  tightenTree(join(dir, LOCAL_DIR))
  const quarantine = new WorkspaceQuarantine(dir)
  return {
    dir,
    vault,
    quarantine,
    items: new WorkspaceItems(dir, vault, trash, quarantine),
    environments: new WorkspaceEnvironments(dir, vault, trash),
    watcher: new WorkspaceWatcher(dir, options.onChange, { watch: options.watch }),
  }
}

/**
 * Reads the whole workspace as the renderer shows it, secret values filled in. Files that
 * cannot be read become problems (after `notices`), a corrupt one copied to quarantine
 * first; everything else is there.
 */
export async function snapshotOf(
  ws: OpenWorkspace,
  activeEnvironment: string | null,
  notices: readonly WorkspaceProblem[],
): Promise<WorkspaceSnapshot> {
  const fill = (folder: string, d: InheritedDefaults) => fillDefaults(ws.vault, folder, d)
  const [{ manifest, problem }, scanned, envs] = await Promise.all([
    readManifest(ws.dir),
    scanTree(ws.dir, fill),
    ws.environments.list(),
  ])
  const known = envs.environments.some((e) => e.name === activeEnvironment)
  return {
    dir: ws.dir,
    manifest: { ...manifest, defaults: fill('', manifest.defaults) },
    tree: scanned.tree,
    environments: envs.environments,
    activeEnvironment: known ? activeEnvironment : null,
    problems: [
      ...notices,
      ...ws.quarantine.notices,
      ...(await ws.quarantine.withCopies([
        ...(problem ? [problem] : []),
        ...scanned.problems,
        ...envs.problems,
      ])),
    ],
  }
}

import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as z from 'zod'
import type { RecentWorkspace } from '../../../shared/ipc/contract'
import { VariableRowSchema, type VariableRow } from '../../../shared/model/variables'
import type {
  Environment,
  InheritedDefaults,
  SavedRequest,
  WorkspaceProblem,
  WorkspaceSnapshot,
} from '../../../shared/model/workspace'
import type { SecretStore } from '../secrets/secretStore'
import type { KeyValueStore } from '../storage/keyValueStore'
import { WorkspaceError, type WorkspaceApi } from './workspaceApi'
import { blankSecrets } from './workspaceFormat'
import { initWorkspace, isWorkspace, readManifest, writeDefaults } from './workspaceManifest'
import { MANIFEST_FILE } from './workspaceNames'
import { SecretVault, scopeOf } from './workspaceSecrets'
import { WorkspaceState } from './workspaceState'
import { WorkspaceTrash } from './workspaceTrash'
import { openWorkspace, snapshotOf, type OpenWorkspace } from './openWorkspace'

export interface WorkspaceServiceDeps {
  /** The app's data directory: the default workspace and the trash live here. */
  dataDir: string
  store: KeyValueStore
  secrets: SecretStore
  /** Watch the open workspace for other programs' changes (default true; the CLI says false). */
  watch?: boolean
}

/** The name of the workspace a new user starts in. */
export const DEFAULT_WORKSPACE_NAME = 'My workspace'

/**
 * The open workspace folder and everything done to it. Opens the last workspace used (or
 * the embedded default one) on first use; tree operations run one at a time, so racing
 * creates and renames never pick the same name; saves of existing files run freely.
 */
export class WorkspaceService implements WorkspaceApi {
  private current: OpenWorkspace | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<(snapshot: WorkspaceSnapshot) => void>()
  private readonly state: WorkspaceState
  private readonly trash: WorkspaceTrash
  private readonly globalVault: SecretVault
  /** Things to tell the user until another workspace is opened (e.g. a recent one is gone). */
  private notices: WorkspaceProblem[] = []

  constructor(private readonly deps: WorkspaceServiceDeps) {
    this.state = new WorkspaceState(deps.store)
    this.trash = new WorkspaceTrash(deps.dataDir)
    this.globalVault = new SecretVault(deps.secrets, '')
  }

  /** Where the embedded default workspace lives. */
  get defaultDir(): string {
    return join(this.deps.dataDir, 'workspaces', 'Default')
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => {})
    return run
  }

  /** Runs a change on the open workspace, then tells listeners. */
  private async change<T>(task: (ws: OpenWorkspace) => Promise<T>): Promise<T> {
    const ws = await this.workspace()
    try {
      return await this.serial(() => task(ws))
    } finally {
      ws.watcher.touch()
    }
  }

  private workspace(): Promise<OpenWorkspace> {
    if (this.current) return Promise.resolve(this.current)
    return this.serial(async () => this.current ?? this.openInitial())
  }

  private async openInitial(): Promise<OpenWorkspace> {
    const gone: string[] = []
    for (const recent of this.state.recent()) {
      if (await isWorkspace(recent.dir)) {
        this.state.forget(gone)
        return this.activate(recent.dir)
      }
      gone.push(recent.dir)
      this.notices.push(goneNotice(recent))
    }
    this.state.forget(gone)
    if (!(await isWorkspace(this.defaultDir)))
      await initWorkspace(this.defaultDir, DEFAULT_WORKSPACE_NAME)
    return this.activate(this.defaultDir)
  }

  private async activate(dir: string): Promise<OpenWorkspace> {
    this.current?.watcher.close()
    const ws = openWorkspace(dir, this.deps.secrets, this.trash, {
      watch: this.deps.watch ?? true,
      onChange: () => this.emit(),
    })
    this.current = ws
    this.state.remember(dir, (await readManifest(dir)).manifest.name)
    return ws
  }

  private emit(): void {
    if (this.listeners.size === 0 || !this.current) return
    this.build(this.current).then(
      (snapshot) => {
        for (const listener of [...this.listeners]) {
          try {
            listener(snapshot)
          } catch {
            // One broken listener (a closed window) must not keep the others uninformed.
          }
        }
      },
      () => {},
    )
  }

  private build(ws: OpenWorkspace): Promise<WorkspaceSnapshot> {
    return snapshotOf(ws, this.state.activeEnvironment(ws.dir), this.notices)
  }

  async snapshot(): Promise<WorkspaceSnapshot> {
    return this.build(await this.workspace())
  }

  async open(dir: string): Promise<WorkspaceSnapshot> {
    const target = resolve(dir)
    const ws = await this.serial(async () => {
      if (!(await isWorkspace(target)))
        throw new WorkspaceError(
          `${target} is not a Courier workspace (it has no ${MANIFEST_FILE}). Choose a workspace folder, or create a new workspace there.`,
        )
      this.notices = []
      return this.activate(target)
    })
    ws.watcher.touch()
    return this.build(ws)
  }

  async create(dir: string, name: string): Promise<WorkspaceSnapshot> {
    const target = resolve(dir)
    const ws = await this.serial(async () => {
      if (await isWorkspace(target))
        throw new WorkspaceError(`${target} is already a Courier workspace; open it instead.`)
      await initWorkspace(target, name)
      this.notices = []
      return this.activate(target)
    })
    ws.watcher.touch()
    return this.build(ws)
  }

  recent(): RecentWorkspace[] {
    const all = this.state.recent()
    const gone = all.filter((r) => !existsSync(join(r.dir, MANIFEST_FILE)))
    this.state.forget(gone.map((r) => r.dir))
    this.notices.push(...gone.map(goneNotice))
    return all.filter((r) => !gone.includes(r))
  }

  async readRequest(path: string): Promise<SavedRequest> {
    return (await this.workspace()).items.read(path)
  }

  async saveRequest(path: string | null, folder: string, request: SavedRequest) {
    const ws = await this.workspace()
    // Overwriting a file needs no lock (the write is atomic); choosing a new name does.
    if (path !== null) {
      const saved = await ws.items.save(path, folder, request)
      ws.watcher.touch()
      return saved
    }
    return this.change((w) => w.items.save(null, folder, request))
  }

  createFolder(parent: string, name: string) {
    return this.change((ws) => ws.items.createFolder(parent, name))
  }
  rename(path: string, name: string) {
    return this.change((ws) => ws.items.rename(path, name))
  }
  move(path: string, toFolder: string) {
    return this.change((ws) => ws.items.move(path, toFolder))
  }
  duplicate(path: string) {
    return this.change((ws) => ws.items.duplicate(path))
  }
  delete(path: string) {
    return this.change((ws) => ws.items.delete(path))
  }
  undoDelete(undoId: string) {
    return this.change((ws) => ws.items.undoDelete(undoId))
  }

  saveDefaults(folder: string, input: InheritedDefaults): Promise<void> {
    return this.change((ws) => writeDefaults(ws.dir, ws.vault, folder, input))
  }

  saveEnvironment(previousName: string | null, environment: Environment): Promise<Environment> {
    return this.change(async (ws) => {
      const saved = await ws.environments.save(previousName, environment)
      if (previousName !== null && this.state.activeEnvironment(ws.dir) === previousName)
        this.state.setActiveEnvironment(ws.dir, saved.name)
      return saved
    })
  }

  deleteEnvironment(name: string): Promise<void> {
    return this.change(async (ws) => {
      await ws.environments.delete(name)
      if (this.state.activeEnvironment(ws.dir) === name)
        this.state.setActiveEnvironment(ws.dir, null)
    })
  }

  setActiveEnvironment(name: string | null): Promise<void> {
    return this.change(async (ws) => {
      if (name !== null && !(await ws.environments.names()).includes(name))
        throw new WorkspaceError(`There is no environment named "${name}" in this workspace.`)
      this.state.setActiveEnvironment(ws.dir, name)
    })
  }

  globals(): VariableRow[] {
    return this.globalVault.fill(scopeOf.globals, this.state.globals())
  }

  updateGlobals(variables: VariableRow[]): VariableRow[] {
    const parsed = z.array(VariableRowSchema).safeParse(variables)
    if (!parsed.success)
      throw new WorkspaceError(
        `The globals could not be saved: ${parsed.error.issues[0]?.message}.`,
      )
    const rows = parsed.data
    this.globalVault.keep(scopeOf.globals, rows, this.state.globals())
    this.state.setGlobals(blankSecrets(rows))
    return rows
  }

  onChange(listener: (snapshot: WorkspaceSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    await this.queue
    this.current?.watcher.close()
    this.current = null
    this.listeners.clear()
  }
}

function goneNotice(recent: RecentWorkspace): WorkspaceProblem {
  return {
    path: recent.dir,
    message: `The workspace "${recent.name}" is no longer at ${recent.dir} (moved or deleted?), so it was removed from the recent list. Open it from its new place.`,
  }
}

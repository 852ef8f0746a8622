import type { RecentWorkspace } from '../../../shared/ipc/contract'
import type { VariableRow } from '../../../shared/model/variables'
import type {
  Environment,
  InheritedDefaults,
  SavedRequest,
  WorkspaceSnapshot,
} from '../../../shared/model/workspace'

/**
 * The open workspace and the operations on it, as the contract's workspace:, env: and
 * globals: calls need them. Implemented by WorkspaceService (workspaceService.ts).
 * Every path is relative to the workspace root with `/` separators; every failure is
 * thrown as a WorkspaceError whose message names the file or item and says what to do.
 */
export interface WorkspaceApi {
  snapshot(): Promise<WorkspaceSnapshot>
  open(dir: string): Promise<WorkspaceSnapshot>
  create(dir: string, name: string): Promise<WorkspaceSnapshot>
  recent(): RecentWorkspace[]
  readRequest(path: string): Promise<SavedRequest>
  saveRequest(path: string | null, folder: string, request: SavedRequest): Promise<string>
  createFolder(parent: string, name: string): Promise<string>
  rename(path: string, name: string): Promise<string>
  move(path: string, toFolder: string): Promise<string>
  duplicate(path: string): Promise<string>
  delete(path: string): Promise<string>
  undoDelete(undoId: string): Promise<string>
  saveDefaults(folder: string, defaults: InheritedDefaults): Promise<void>
  saveEnvironment(previousName: string | null, environment: Environment): Promise<Environment>
  deleteEnvironment(name: string): Promise<void>
  setActiveEnvironment(name: string | null): Promise<void>
  globals(): VariableRow[]
  updateGlobals(variables: VariableRow[]): VariableRow[]
  /** Called with a fresh snapshot after any change, ours or another program's. */
  onChange(listener: (snapshot: WorkspaceSnapshot) => void): () => void
  close(): Promise<void>
}

/** A workspace operation that failed, worded for the tester. */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WorkspaceError'
  }
}

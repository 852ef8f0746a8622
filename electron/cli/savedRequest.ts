import { resolve } from 'node:path'
import {
  applyInheritance,
  scopedVariables,
  variableValues,
  type InheritanceLevel,
} from '../../shared/logic/inheritance'
import {
  inheritedScripts,
  variableScopes,
  type ScriptLevel,
  type VariableScopes,
} from '../../shared/logic/checksInheritance'
import type { RequestSpec } from '../../shared/model/request'
import type { ScopedValue } from '../../shared/model/variables'
import { specOfSaved, type TreeNode, type WorkspaceSnapshot } from '../../shared/model/workspace'
import { defaultDataDir } from '../core/dataDir'
import { MemorySecretStore } from '../core/secrets/memorySecretStore'
import type { KeyValueStore } from '../core/storage/keyValueStore'
import { openConfStore, type StorageNotice } from '../core/storage/openConfStore'
import { WorkspaceService } from '../core/workspace/workspaceService'
import type { CliIo } from './cliIo'
import { UsageError } from './cliIo'

const REQUEST_SUFFIX = '.request.json'

/** A saved request ready to send: inheritance applied, every saved scope's variables merged. */
export interface LoadedRequest {
  spec: RequestSpec
  /** Values from globals < workspace < folders < environment < request-local. */
  variables: Record<string, string>
  /** The scoped values, to tell a missing secret from a missing variable. */
  scoped: Map<string, ScopedValue>
  /** Notices about the app's data (e.g. a corrupt settings file moved aside). */
  notices: string[]
  /** Its name, for its script and pm.info. */
  name: string
  /** Scripts of the workspace and folders above, outermost first. */
  scriptLevels: ScriptLevel[]
  /** The variables by the scope that defines them, for scripts. */
  scopes: VariableScopes
  /** Where it was found, for its history entry. */
  origin: {
    workspaceDir: string
    workspaceName: string
    environment: string | null
    /** The request file's path in the workspace. */
    requestPath: string
  }
}

export interface LoadOptions {
  /** `Folder/Request name`, as shown in the tree (the `.request.json` suffix is optional). */
  requestPath: string
  /** `--workspace DIR`; by default the workspace last opened in Courier. */
  workspaceDir?: string
  /** `--env NAME`; by default the environment active in Courier for that workspace. */
  environment?: string
}

/**
 * Reads the app's state without changing it: the CLI must not move the app's "last
 * opened" workspace or active environment, so writes stay in this process.
 */
export function readOnly(store: KeyValueStore): KeyValueStore {
  const written = new Map<string, unknown>()
  return {
    path: store.path,
    get: (key) => (written.has(key) ? written.get(key) : store.get(key)),
    set: (key, value) => void written.set(key, value),
  }
}

/**
 * Loads a saved request of a workspace on disk, as the app would send it. Secret values
 * are not readable here (the app keeps them encrypted by the OS): they come from
 * COURIER_VAR_* or --secrets, applied by the caller.
 *
 * @throws UsageError naming the request or environment that does not exist, with what does.
 * @throws WorkspaceError when the workspace cannot be opened or the request file read.
 */
export async function loadSavedRequest(options: LoadOptions): Promise<LoadedRequest> {
  const dataDir = defaultDataDir()
  const storageNotices: StorageNotice[] = []
  const store = readOnly(openConfStore(dataDir, storageNotices))
  const workspace = new WorkspaceService({
    dataDir,
    store,
    secrets: new MemorySecretStore(null),
    watch: false,
  })
  try {
    const snapshot = options.workspaceDir
      ? await workspace.open(resolve(options.workspaceDir))
      : await workspace.snapshot()
    const { path, chain } = findRequest(snapshot, options.requestPath)
    const environment = pickEnvironment(snapshot, options.environment)
    const saved = await workspace.readRequest(path)
    const scoped = scopedVariables({
      globals: workspace.globals(),
      chain,
      environment,
      request: saved.variables,
    })
    const spec = specOfSaved(saved)
    return {
      spec: applyInheritance(spec, chain),
      variables: variableValues(scoped),
      scoped,
      notices: storageNotices.map((n) => n.message),
      name: saved.name,
      scriptLevels: inheritedScripts(chain),
      scopes: variableScopes({
        globals: workspace.globals(),
        chain,
        environment,
        request: saved.variables,
      }),
      origin: {
        workspaceDir: snapshot.dir,
        workspaceName: snapshot.manifest.name,
        environment: environment?.name ?? null,
        requestPath: path,
      },
    }
  } finally {
    await workspace.close()
  }
}

/** The request's file path and the levels it inherits from, or a UsageError with close matches. */
function findRequest(
  snapshot: WorkspaceSnapshot,
  requestPath: string,
): { path: string; chain: InheritanceLevel[] } {
  const wanted = requestPath.endsWith(REQUEST_SUFFIX) ? requestPath : requestPath + REQUEST_SUFFIX
  const root: InheritanceLevel = {
    name: 'workspace',
    kind: 'workspace',
    defaults: snapshot.manifest.defaults,
  }
  const requests: { path: string; chain: InheritanceLevel[] }[] = []
  const walk = (nodes: TreeNode[], chain: InheritanceLevel[]) => {
    for (const node of nodes) {
      if (node.kind === 'request') requests.push({ path: node.path, chain })
      else
        walk(node.children, [
          ...chain,
          { name: node.name, kind: 'folder', defaults: node.defaults },
        ])
    }
  }
  walk(snapshot.tree, [root])
  const found = requests.find((r) => r.path === wanted)
  if (found) return found
  const all = requests.map((r) => r.path.slice(0, -REQUEST_SUFFIX.length))
  const unreadable = snapshot.problems.find((p) => p.path === wanted)
  if (unreadable)
    throw new UsageError(`The saved request "${requestPath}" cannot be read: ${unreadable.message}`)
  const where = `workspace "${snapshot.manifest.name}" (${snapshot.dir})`
  const shown = requestPath.endsWith(REQUEST_SUFFIX)
    ? requestPath.slice(0, -REQUEST_SUFFIX.length)
    : requestPath
  if (all.length === 0) {
    throw new UsageError(`No saved request "${shown}": ${where} has no saved requests.`)
  }
  const close = closeMatches(shown, all)
  const hint =
    close.length > 0
      ? `Close matches: ${close.map((p) => `"${p}"`).join(', ')}.`
      : all.length <= 10
        ? `Requests there: ${all.map((p) => `"${p}"`).join(', ')}.`
        : 'Give its path as shown in the tree, e.g. "Folder/Request name" (names are case-sensitive).'
  throw new UsageError(`No saved request "${shown}" in ${where}. ${hint}`)
}

/** The environment to use: the one named, else the one active in the app, else none. */
function pickEnvironment(
  snapshot: WorkspaceSnapshot,
  name: string | undefined,
): { name: string; variables: WorkspaceSnapshot['environments'][number]['variables'] } | null {
  const wanted = name ?? snapshot.activeEnvironment
  if (wanted === null || wanted === undefined) return null
  const environment = snapshot.environments.find((e) => e.name === wanted)
  if (environment) return { name: environment.name, variables: environment.variables }
  // The app's remembered choice may name an environment deleted since: send without one.
  if (name === undefined) return null
  const names = snapshot.environments.map((e) => `"${e.name}"`)
  throw new UsageError(
    `No environment "${name}" in workspace "${snapshot.manifest.name}" (${snapshot.dir}). ` +
      (names.length > 0 ? `Environments there: ${names.join(', ')}.` : 'It has no environments.'),
  )
}

/** Up to five paths that look like `wanted`: same but for case, containing it, or a few typos away. */
export function closeMatches(wanted: string, paths: readonly string[]): string[] {
  const w = wanted.toLowerCase()
  const lastOf = (p: string) => p.slice(p.lastIndexOf('/') + 1)
  const score = (path: string): number | null => {
    const p = path.toLowerCase()
    if (p === w) return 0
    if (lastOf(p) === lastOf(w)) return 1
    if (p.includes(w) || w.includes(p)) return 2
    const distance = editDistance(p, w)
    return distance <= Math.max(2, Math.floor(w.length / 4)) ? 2 + distance : null
  }
  return paths
    .map((path) => ({ path, score: score(path) }))
    .filter((c): c is { path: string; score: number } => c.score !== null)
    .sort((a, b) => a.score - b.score || a.path.localeCompare(b.path))
    .slice(0, 5)
    .map((c) => c.path)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * `loadSavedRequest` for a command's `--workspace` and `--env` flags, with the notices it
 * gives (e.g. a workspace file that could not be read) printed as notes on stderr.
 */
export async function loadForCommand(
  requestPath: string,
  flags: { workspace?: string; env?: string },
  io: Pick<CliIo, 'stderr'>,
): Promise<LoadedRequest> {
  const loaded = await loadSavedRequest({
    requestPath,
    ...(flags.workspace !== undefined ? { workspaceDir: flags.workspace } : {}),
    ...(flags.env !== undefined ? { environment: flags.env } : {}),
  })
  for (const notice of loaded.notices) io.stderr(`Note: ${notice}\n`)
  return loaded
}

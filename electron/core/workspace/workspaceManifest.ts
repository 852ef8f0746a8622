import { mkdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  InheritedDefaultsSchema,
  WORKSPACE_SCHEMA_VERSION,
  WorkspaceManifestSchema,
  type InheritedDefaults,
  type WorkspaceManifest,
  type WorkspaceProblem,
} from '../../../shared/model/workspace'
import { WorkspaceError } from './workspaceApi'
import { createFileAtomic, writeFileAtomic } from './atomicFiles'
import { folderText, manifestText, parseManifest } from './workspaceFormat'
import { FOLDER_FILE, LOCAL_DIR, MANIFEST_FILE, joinRel, resolveInside } from './workspaceNames'
import { scopeOf, type SecretVault } from './workspaceSecrets'
import { readFolderDefaults } from './workspaceTree'

/** Defaults with their secret values filled in from the vault ('' = the workspace's own). */
export function fillDefaults(vault: SecretVault, folder: string, d: InheritedDefaults) {
  const scope = scopeOf.folder(folder)
  return { ...d, auth: vault.fillAuth(scope, d.auth), variables: vault.fill(scope, d.variables) }
}

/** Whether `dir` is a workspace folder (it has a `courier.json`). */
export async function isWorkspace(dir: string): Promise<boolean> {
  return (await stat(join(dir, MANIFEST_FILE)).catch(() => null))?.isFile() ?? false
}

/** The manifest, or one named after the folder plus a problem when it cannot be read. */
export async function readManifest(dir: string) {
  const text = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((e: Error) => e)
  const parsed =
    typeof text === 'string'
      ? parseManifest(text, MANIFEST_FILE)
      : ({
          ok: false,
          problem: {
            path: MANIFEST_FILE,
            message: `${MANIFEST_FILE}: could not be read (${text.message}). Reopen the workspace, or restore the file from git.`,
          },
        } as const)
  if (parsed.ok) return { manifest: parsed.value, problem: null }
  const manifest: WorkspaceManifest = {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: basename(dir),
    defaults: InheritedDefaultsSchema.parse({}),
  }
  return { manifest, problem: parsed.problem }
}

/** Makes `dir` a workspace: a manifest and a .gitignore for the local-only state. */
export async function initWorkspace(dir: string, name: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const manifest = WorkspaceManifestSchema.safeParse({ name })
  if (!manifest.success) throw new WorkspaceError('A workspace needs a name.')
  const scope = { root: dir }
  await createFileAtomic(join(dir, MANIFEST_FILE), manifestText(manifest.data), scope)
  // Atomic too: a crash mid-write must not leave the user's own ignore rules torn.
  const ignore = join(dir, '.gitignore')
  const existing = await readFile(ignore, 'utf8').catch(() => null)
  if (existing === null) await writeFileAtomic(ignore, `${LOCAL_DIR}/\n`, scope)
  else if (!existing.split(/\r?\n/).includes(`${LOCAL_DIR}/`))
    await writeFileAtomic(
      ignore,
      `${existing}${existing.endsWith('\n') ? '' : '\n'}${LOCAL_DIR}/\n`,
      scope,
    )
}

/**
 * Saves the headers, auth and variables a folder ('' = the workspace, in `courier.json`)
 * gives the requests inside; secret values go to the vault, the file gets them blank.
 */
export async function writeDefaults(
  root: string,
  vault: SecretVault,
  folder: string,
  input: InheritedDefaults,
): Promise<void> {
  const parsed = InheritedDefaultsSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new WorkspaceError(
      `The defaults could not be saved: field ${issue?.path.join('.')}: ${issue?.message}.`,
    )
  }
  const defaults = parsed.data
  const scope = scopeOf.folder(folder)
  if (folder === '') {
    const { manifest, problem } = await readManifest(root)
    if (problem) throw new WorkspaceError(problem.message)
    vault.keepWithAuth(scope, defaults.variables, defaults.auth, manifest.defaults.variables)
    await writeFileAtomic(join(root, MANIFEST_FILE), manifestText({ ...manifest, defaults }), {
      root,
    })
    return
  }
  const dir = resolveInside(root, folder)
  if (!(await stat(dir).catch(() => null))?.isDirectory())
    throw new WorkspaceError(`The folder "${folder}" does not exist any more.`)
  const problems: WorkspaceProblem[] = []
  const previous = await readFolderDefaults(root, folder, problems)
  if (problems[0]) throw new WorkspaceError(problems[0].message)
  vault.keepWithAuth(scope, defaults.variables, defaults.auth, previous.variables)
  const text = folderText({ schemaVersion: WORKSPACE_SCHEMA_VERSION, defaults })
  await writeFileAtomic(resolveInside(root, joinRel(folder, FOLDER_FILE)), text, { root })
}

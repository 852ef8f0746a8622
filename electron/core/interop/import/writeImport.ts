import type { ImportReport } from '../../../../shared/model/interop'
import { InheritedDefaultsSchema } from '../../../../shared/model/workspace'
import type { WorkspaceApi } from '../../workspace/workspaceApi'
import type { ImportedFolder, ImportResult } from '../interopTypes'
import { holdBackCredentials } from './importCredentials'
import { countTree } from './importHelpers'

/** How an import is written. */
export interface WriteImportOptions {
  /**
   * True where the secret store would not keep a credential past this process (the
   * command line, browser mode, a system without a keyring): literal credentials become
   * `{{variables}}` and the report names each one and how to provide it
   * (importCredentials.ts). False in the app with a keyring, which keeps them encrypted.
   */
  holdBackCredentials: boolean
}

/**
 * Writes an import into the workspace: a folder named after the collection inside `into`
 * (the workspace numbers the name when it is taken), its folders, requests and defaults,
 * then the environments (a name already used gets " (imported)"). No credential is dropped
 * silently: it is kept by the secret store, or held back and named in the report.
 */
export async function writeImport(
  workspace: WorkspaceApi,
  imported: ImportResult,
  into: string,
  options: WriteImportOptions,
): Promise<ImportReport> {
  const held = options.holdBackCredentials ? holdBackCredentials(imported) : null
  const result = held?.result ?? imported
  const { requests, folders } = countTree(result.root)
  const hasTree = requests > 0 || folders > 0 || result.root.defaults !== undefined
  const folder = hasTree ? await writeFolder(workspace, result.root, into) : into
  const taken = new Set((await workspace.snapshot()).environments.map((e) => e.name))
  const notes = [...result.notes, ...(held?.notes ?? [])]
  for (const environment of result.environments) {
    let name = environment.name
    for (let n = 1; taken.has(name); n++)
      name = `${environment.name} (imported${n > 1 ? ` ${n}` : ''})`
    if (name !== environment.name)
      notes.push(
        `The environment "${environment.name}" already exists; the imported one is "${name}".`,
      )
    taken.add(name)
    await workspace.saveEnvironment(null, { ...environment, name })
  }
  return {
    format: result.format,
    folder,
    requests,
    folders: hasTree ? folders + 1 : 0,
    environments: result.environments.length,
    notes,
  }
}

async function writeFolder(
  workspace: WorkspaceApi,
  folder: ImportedFolder,
  parent: string,
): Promise<string> {
  const path = await workspace.createFolder(parent, folder.name)
  if (folder.defaults)
    await workspace.saveDefaults(path, InheritedDefaultsSchema.parse(folder.defaults))
  for (const request of folder.requests) await workspace.saveRequest(null, path, request)
  for (const child of folder.folders) await writeFolder(workspace, child, path)
  return path
}

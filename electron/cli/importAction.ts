import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { CommanderError } from 'commander'
import type { ImportFormat } from '../../shared/model/interop'
import { importText } from '../core/interop/import/importText'
import { MAX_IMPORT_BYTES } from '../core/interop/import/parseSource'
import { writeImport } from '../core/interop/import/writeImport'
import { ImportError } from '../core/interop/interopTypes'
import { isWorkspace } from '../core/workspace/workspaceManifest'
import { cliWorkspaceService } from './cliWorkspace'
import type { CliIo } from './cliIo'

export interface ImportFlags {
  into: string
  format: ImportFormat
}

/** What `courier import` does, loaded when it runs (see importCommand.ts). */
export async function runImport(file: string, flags: ImportFlags, io: CliIo): Promise<void> {
  const workspace = cliWorkspaceService()
  try {
    const result = await importText(await readSource(file), {
      fileName: basename(file),
      format: flags.format,
    })
    const dir = resolve(flags.into)
    if (await isWorkspace(dir)) await workspace.open(dir)
    else await workspace.create(dir, basename(dir) || 'Imported')
    // The command line's secret store lives as long as this command: hold credentials back.
    const report = await writeImport(workspace, result, '', { holdBackCredentials: true })
    io.stdout(
      `Imported ${report.format} into ${report.folder || dir}: ${report.requests} requests, ` +
        `${report.folders} folders, ${report.environments} environments.\n`,
    )
    for (const note of report.notes) io.stdout(`Note: ${note}\n`)
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    io.stderr(`Error: ${error.message} Nothing was imported.\n`)
    throw new CommanderError(2, 'courier.import', error.message)
  } finally {
    await workspace.close()
  }
}

/** The file's text, refused before reading when it is over the size limit. */
async function readSource(file: string): Promise<string> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch {
    throw new ImportError(`"${file}" cannot be read: there is no such file.`)
  }
  if (size > MAX_IMPORT_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1)
    throw new ImportError(`"${basename(file)}" is ${mb} MB; Courier imports files up to 20 MB.`)
  }
  return readFile(file, 'utf8')
}

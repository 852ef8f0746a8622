import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { CommanderError, Option, type Command } from 'commander'
import { IMPORT_FORMATS, type ImportFormat } from '../../shared/model/interop'
import { importText } from '../core/interop/import/importText'
import { MAX_IMPORT_BYTES } from '../core/interop/import/parseSource'
import { writeImport } from '../core/interop/import/writeImport'
import { ImportError } from '../core/interop/interopTypes'
import { isWorkspace } from '../core/workspace/workspaceManifest'
import { cliWorkspaceService } from './cliWorkspace'
import type { CliIo } from './program'

interface ImportFlags {
  into: string
  format: ImportFormat
}

/**
 * `courier import FILE --into DIR [--format F]`: reads FILE (nothing in it is run, no other
 * file or URL is read) and writes it into the workspace folder DIR, created when it is not
 * a workspace yet. Prints what was imported and everything not carried over.
 */
export function addImportCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description(
      'Import a Postman collection or environment, an Insomnia export, a HAR file, an OpenAPI/Swagger document or a curl command into a workspace.',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--into <dir>', 'the workspace folder (created when it is not one yet)')
    .addOption(
      new Option('--format <format>', 'the format of FILE (default: by its content)')
        .choices(IMPORT_FORMATS)
        .default('auto'),
    )
    .action(async (file: string, flags: ImportFlags) => {
      const workspace = cliWorkspaceService()
      try {
        const result = await importText(await readSource(file), {
          fileName: basename(file),
          format: flags.format,
        })
        const dir = resolve(flags.into)
        if (await isWorkspace(dir)) await workspace.open(dir)
        else await workspace.create(dir, basename(dir) || 'Imported')
        const report = await writeImport(workspace, result, '')
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
    })
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

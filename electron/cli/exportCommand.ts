import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/model/interop'
import { exportHar } from '../core/interop/export/harExport'
import { exportPostman } from '../core/interop/export/postmanExport'
import { cliWorkspaceService } from './cliWorkspace'
import type { CliIo } from './program'

interface ExportFlags {
  workspace: string
  folder: string
  format: ExportFormat
  output?: string
}

/**
 * `courier export --workspace DIR [--folder PATH] --format postman|har [--output FILE]`.
 * The app's state is not touched (a memory store), and secrets cannot be read here: they
 * are left out of every export anyway.
 */
export function addExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(
      'Export a workspace or one of its folders as a Postman v2.1 collection or HAR (secrets left out).',
    )
    .requiredOption('--workspace <dir>', 'the workspace folder')
    .option(
      '--folder <path>',
      'a folder of the workspace, e.g. "Users/Admin" (default: all of it)',
      '',
    )
    .addOption(
      new Option('--format <format>', 'postman or har')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option('--output <file>', 'write to this file instead of printing')
    .action(async (flags: ExportFlags) => {
      const workspace = cliWorkspaceService()
      try {
        await workspace.open(resolve(flags.workspace))
        const text =
          flags.format === 'har'
            ? await exportHar(workspace, flags.folder)
            : await exportPostman(workspace, flags.folder)
        if (flags.output === undefined) io.stdout(text)
        else {
          await writeFile(flags.output, text)
          io.stderr(`Wrote ${flags.output}\n`)
        }
      } finally {
        await workspace.close()
      }
    })
}

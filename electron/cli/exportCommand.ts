import { Option, type Command } from 'commander'
import { EXPORT_FORMATS } from '../../shared/model/interopFormats'
import type { CliIo } from './cliIo'
import type { ExportFlags } from './exportAction'

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
      const { runExport } = await import('./exportAction')
      await runExport(flags, io)
    })
}

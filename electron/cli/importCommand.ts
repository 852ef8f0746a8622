import { Option, type Command } from 'commander'
import { IMPORT_FORMATS } from '../../shared/model/interopFormats'
import type { CliIo } from './cliIo'
import type { ImportFlags } from './importAction'

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
      const { runImport } = await import('./importAction')
      await runImport(file, flags, io)
    })
}

import type { Command } from 'commander'
import { codeLanguages, generateCode } from '../core/interop/code/codeLanguages'
import { readExternalOverrides } from '../core/secrets/externalSecrets'
import { UsageError } from './parseSendOptions'
import type { CliIo } from './program'

interface CodeFlags {
  workspace?: string
  env?: string
  lang: string
  secrets?: string
}

/**
 * `courier code "Folder/Request" --lang ID`: the saved request resolved as `courier send`
 * resolves it, printed as code. A secret nobody supplied (COURIER_VAR_*, --secrets) stays
 * a `{{placeholder}}`.
 */
export function addCodeCommand(program: Command, io: CliIo): void {
  const ids = codeLanguages().map((l) => l.id)
  program
    .command('code')
    .description('Print a saved request as code (curl, python-requests, node-fetch, ...).')
    .argument('<request>', 'a saved request as "Folder/Request name"')
    .requiredOption('--lang <id>', `the language: ${ids.join(', ')}`)
    .option('--workspace <dir>', 'the workspace (default: the one last opened in Courier)')
    .option('--env <name>', 'the environment (default: the one active in Courier)')
    .option(
      '--secrets <file>',
      'a JSON file {"name": "value"} of variable values (also COURIER_VAR_<name>)',
    )
    .action(async (path: string, flags: CodeFlags) => {
      if (!ids.includes(flags.lang)) {
        throw new UsageError(`Unknown language "${flags.lang}". Languages: ${ids.join(', ')}.`)
      }
      const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
      const { loadForCommand } = await import('./savedRequest')
      const loaded = await loadForCommand(path, flags, io)
      // A secret the CLI cannot read is empty here: leave it as {{name}} rather than blank.
      const variables = Object.fromEntries(
        [...loaded.scoped]
          .filter(([, v]) => !(v.secret && v.value === ''))
          .map(([name, v]) => [name, v.value]),
      )
      io.stdout(generateCode(loaded.spec, { ...variables, ...overrides }, flags.lang))
    })
}

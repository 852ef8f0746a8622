import type { Command } from 'commander'
import type { CliIo } from './cliIo'
import type { CodeFlags } from './codeAction'

/**
 * `courier code "Folder/Request" --lang ID`: the saved request resolved as `courier send`
 * resolves it, printed as code. A secret nobody supplied (COURIER_VAR_*, --secrets) stays
 * a `{{placeholder}}`.
 */
export function addCodeCommand(program: Command, io: CliIo): void {
  program
    .command('code')
    .description('Print a saved request as code (curl, python-requests, node-fetch, ...).')
    .argument('<request>', 'a saved request as "Folder/Request name"')
    .requiredOption(
      '--lang <id>',
      'the language: curl, python-requests, httpie, javascript-fetch, javascript-axios, node-fetch, node-axios, go, java-okhttp, java-httpclient, csharp-httpclient, php-curl, ruby, swift, kotlin-okhttp, powershell',
    )
    .option('--workspace <dir>', 'the workspace (default: the one last opened in Courier)')
    .option('--env <name>', 'the environment (default: the one active in Courier)')
    .option(
      '--secrets <file>',
      'a JSON file {"name": "value"} of variable values (also COURIER_VAR_<name>)',
    )
    .action(async (path: string, flags: CodeFlags) => {
      const { runCode } = await import('./codeAction')
      await runCode(path, flags, io)
    })
}

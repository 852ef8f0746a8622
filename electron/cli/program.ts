import { Command, CommanderError } from 'commander'
import { UsageError, type CliIo } from './cliIo'
import { addCodeCommand } from './codeCommand'
import { addExportCommand } from './exportCommand'
import { addImportCommand } from './importCommand'
import { addRunCommand } from './runCommand'
import { addSendCommand } from './sendCommand'

export type { CliIo } from './cliIo'

/**
 * The `courier` command. Exit codes: 0 a response, 1 a 4xx/5xx with --fail or a failed
 * test, 2 a transport error or bad arguments. Each command loads what it needs when it
 * runs: this module holds commander and the commands' options, nothing else.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('courier')
    .description('Courier on the command line: send HTTP requests with the engine of the app.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
  let exitCode = 0
  const exit = { set: (code: number) => void (exitCode = code) }
  addSendCommand(program, io, exit)
  addExportCommand(program, io)
  addCodeCommand(program, io)
  addImportCommand(program, io)
  addRunCommand(program, io, exit)

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError) {
      io.stderr(`Error: ${error.message}\nRun "courier <command> --help" for every option.\n`)
      return 2
    }
    // Errors of the workspace and of secrets files are worded for the tester; they are
    // told apart by name so this module need not load the code that throws them.
    if (
      error instanceof Error &&
      ['SecretsFileError', 'WorkspaceError', 'TlsFileError'].includes(error.name)
    ) {
      io.stderr(`Error: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

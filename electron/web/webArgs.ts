import { Command, CommanderError } from 'commander'

/** What `npm run web` was asked to do. */
export interface WebArgs {
  port: number
  dataDir: string
  rendererDir: string
  /** `--secrets FILE`: variable values kept out of the workspace (null when not given). */
  secretsFile: string | null
}

/** Bad command-line arguments; the message says which and what is expected. */
export class WebUsageError extends Error {}

/**
 * Parses `[--port N] [--data-dir DIR] [--secrets FILE] [--renderer-dir DIR]`. Returns null when only
 * help was asked for (commander has printed it).
 */
export function parseWebArgs(
  argv: string[],
  defaults: { dataDir: string; rendererDir: string },
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): WebArgs | null {
  const program = new Command('courier-web')
    .description('Serve Courier to a browser on this machine (127.0.0.1 only).')
    .option('--port <n>', 'TCP port on 127.0.0.1; 0 picks a free one', '0')
    .option('--data-dir <dir>', 'where settings are kept', defaults.dataDir)
    .option(
      '--secrets <file>',
      'a JSON file {"name": "value"} of variable values (e.g. tokens) that override saved ones',
    )
    .option('--renderer-dir <dir>', 'the built renderer to serve (for tests)', defaults.rendererDir)
    .exitOverride()
    // Errors are thrown as WebUsageError and printed once by the caller.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
  try {
    program.parse(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return null
    if (error instanceof CommanderError) {
      throw new WebUsageError(error.message.replace(/^error: /, ''))
    }
    throw error
  }
  const flags = program.opts<{
    port: string
    dataDir: string
    rendererDir: string
    secrets?: string
  }>()
  if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65535) {
    throw new WebUsageError(
      `--port must be a whole number from 0 to 65535 (0 picks a free port), not "${flags.port}".`,
    )
  }
  return {
    port: Number(flags.port),
    dataDir: flags.dataDir,
    rendererDir: flags.rendererDir,
    secretsFile: flags.secrets ?? null,
  }
}

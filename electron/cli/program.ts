import { Command, CommanderError, Option } from 'commander'
import { HttpEngine } from '../core/http/engine'
import { toJsonOutput, toPrettyOutput } from './formatResult'
import { parseSendOptions, UsageError, type SendFlags } from './parseSendOptions'

const collect = (value: string, previous: string[]) => [...previous, value]

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Exit codes: 0 a response, 1 a 4xx/5xx with --fail, 2 a transport error or bad arguments. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('courier')
    .description('Courier on the command line: send HTTP requests with the engine of the app.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
  let exitCode = 0
  program
    .command('send')
    .description('Send one request and print the response.')
    .argument('<method>', 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or any custom method')
    .argument('<url>', 'the URL; may hold {{variables}}')
    .option('-H, --header <header>', "a header 'Name: value' (repeatable)", collect, [])
    .option('--query <pair>', 'a query parameter key=value (repeatable)', collect, [])
    .option('--json <text>', 'a JSON body, or @file')
    .option('--form <pair>', 'a form URL-encoded field key=value (repeatable)', collect, [])
    .option(
      '--multipart <pair>',
      'a multipart field key=value or key=@path (repeatable)',
      collect,
      [],
    )
    .option('--raw <text>', 'a raw body, or @file (see --content-type)')
    .option('--content-type <type>', 'Content-Type of --raw or --binary')
    .option('--binary <@path>', 'a file sent as the body')
    .option('--basic <user:password>', 'Basic authentication')
    .option('--bearer <token>', 'Bearer token authentication')
    .option('--timeout <ms>', 'timeout of the whole exchange in milliseconds (default 30000)')
    .option('--no-follow', 'do not follow redirects')
    .option('--max-redirects <n>', 'most redirects to follow (default 10)')
    .option('--insecure', 'do not verify TLS certificates')
    .option('--var <pair>', 'a variable name=value for {{name}} (repeatable)', collect, [])
    .option('--fail', 'exit with 1 on a 4xx or 5xx response')
    .addOption(new Option('--output <format>', 'pretty or json').default('pretty'))
    .action(async (method: string, url: string, flags: SendFlags) => {
      const { spec, variables } = parseSendOptions(method, url, flags)
      const engine = new HttpEngine()
      try {
        const result = await engine.send({ spec, variables })
        if (flags.output === 'json') io.stdout(JSON.stringify(toJsonOutput(result)) + '\n')
        else {
          const out = toPrettyOutput(result)
          io.stdout(out.stdout)
          io.stderr(out.stderr)
        }
        exitCode = !result.ok ? 2 : flags.fail && result.response.status >= 400 ? 1 : 0
      } finally {
        engine.close()
      }
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError) {
      io.stderr(`Error: ${error.message}\nRun "courier send --help" for every option.\n`)
      return 2
    }
    throw error
  }
}

import { Command, CommanderError, Option } from 'commander'
import { resolveRequest } from '../../shared/logic/variables'
import { SendContextSchema, type SendContext } from '../../shared/model/history'
import { COMMON_METHODS, type RequestSpec } from '../../shared/model/request'
import { HttpEngine } from '../core/http/engine'
import { readExternalOverrides, SecretsFileError } from '../core/secrets/externalSecrets'
import { WorkspaceError } from '../core/workspace/workspaceApi'
import { addCodeCommand } from './codeCommand'
import { addExportCommand } from './exportCommand'
import { addImportCommand } from './importCommand'
import { toJsonOutput, toPrettyOutput } from './formatResult'
import { withWholeBody } from './wholeBody'
import {
  overlayFlags,
  parseFlagParts,
  parseSendOptions,
  UsageError,
  type SendFlags,
} from './parseSendOptions'

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
    .description(
      'Send one request and print the response: METHOD URL, or the path of a request saved in a workspace.',
    )
    .argument(
      '<method|request>',
      'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or any custom method; or a saved request as "Folder/Request name"',
    )
    .argument('[url]', 'the URL (after METHOD); may hold {{variables}}')
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
    .option(
      '--workspace <dir>',
      'the workspace of a saved request (default: the one last opened in Courier)',
    )
    .option(
      '--env <name>',
      'the environment to send a saved request with (default: the one active in Courier)',
    )
    .option(
      '--secrets <file>',
      'a JSON file {"name": "value"} of variable values that override saved ones (also COURIER_VAR_<name>)',
    )
    .option('--fail', 'exit with 1 on a 4xx or 5xx response')
    .option('--no-history', "do not add this send to Courier's history")
    .addOption(new Option('--output <format>', 'pretty or json').default('pretty'))
    .action(async (target: string, url: string | undefined, flags: SendFlags) => {
      const { spec, variables, context } =
        url === undefined
          ? await savedRequestToSend(target, flags, io)
          : adHocRequestToSend(target, url, flags)
      const engine = new HttpEngine()
      try {
        const at = Date.now()
        const result = await withWholeBody(await engine.send({ spec, variables }), engine.bodies)
        if (flags.history) {
          // Loaded on demand: --no-history never opens the database.
          const { recordSend } = await import('./recordSend')
          recordSend({ at, spec, variables, context, result }, (m) => io.stderr(`Note: ${m}\n`))
        }
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

  addExportCommand(program, io)
  addCodeCommand(program, io)
  addImportCommand(program, io)

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
    if (error instanceof SecretsFileError || error instanceof WorkspaceError) {
      io.stderr(`Error: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

interface ToSend {
  spec: RequestSpec
  variables: Record<string, string>
  /** Where the request came from, for its history entry. */
  context: SendContext
}

/** `courier send METHOD URL`: the flags are the whole request. */
function adHocRequestToSend(method: string, url: string, flags: SendFlags): ToSend {
  if (flags.workspace !== undefined || flags.env !== undefined) {
    throw new UsageError(
      '--workspace and --env apply to a saved request: courier send "Folder/Request name" --env NAME. With METHOD URL, give values with --var name=value.',
    )
  }
  const { spec, variables } = parseSendOptions(method, url, flags)
  const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
  return {
    spec,
    variables: { ...overrides, ...variables },
    // Values from --secrets and COURIER_VAR_* are secrets: history masks them.
    context: SendContextSchema.parse({ secretNames: Object.keys(overrides) }),
  }
}

/**
 * `courier send "Folder/Request name"`: the saved request as the app would send it, its
 * variables overridden by --secrets and COURIER_VAR_*, then by --var; the other flags
 * extend or replace parts of it.
 */
async function savedRequestToSend(path: string, flags: SendFlags, io: CliIo): Promise<ToSend> {
  if ((COMMON_METHODS as readonly string[]).includes(path.toUpperCase())) {
    throw new UsageError(
      `${path} needs a URL: courier send ${path} URL. (A saved request named "${path}" is sent with its file name: courier send "${path}.request.json".)`,
    )
  }
  // Bad flags are reported before any file is read.
  const parts = parseFlagParts(flags)
  const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
  // Loaded on demand: METHOD URL never touches workspaces.
  const { loadForCommand } = await import('./savedRequest')
  const loaded = await loadForCommand(path, flags, io)
  const spec = overlayFlags(loaded.spec, parts)
  const given = { ...overrides, ...parts.variables }
  // The app keeps secret values encrypted by the OS, out of the CLI's reach: a secret
  // nobody supplied is missing, not empty.
  const missingSecrets = new Set(
    [...loaded.scoped]
      .filter(([name, v]) => v.secret && v.value === '' && !Object.hasOwn(given, name))
      .map(([name]) => name),
  )
  const variables = Object.fromEntries(
    Object.entries({ ...loaded.variables, ...given }).filter(([name]) => !missingSecrets.has(name)),
  )
  const unsupplied = resolveRequest(spec, variables).unresolved.filter((n) => missingSecrets.has(n))
  if (unsupplied.length > 0) {
    const list = unsupplied.map((n) => `{{${n}}}`).join(', ')
    const example = unsupplied[0]!
    throw new UsageError(
      `The request uses ${unsupplied.length === 1 ? 'a secret' : 'secrets'} with no value here: ${list}. ` +
        `Courier keeps secret values encrypted for the app only; give them to the command line as ` +
        `COURIER_VAR_${example}=… in the environment or in a --secrets FILE ({"${example}": "…"}).`,
    )
  }
  const secretNames = [...loaded.scoped].filter(([, v]) => v.secret).map(([name]) => name)
  const context = SendContextSchema.parse({
    workspace: loaded.origin.workspaceDir,
    workspaceName: loaded.origin.workspaceName,
    environment: loaded.origin.environment,
    requestPath: loaded.origin.requestPath,
    secretNames: [...new Set([...secretNames, ...Object.keys(overrides)])],
  })
  return { spec, variables, context }
}

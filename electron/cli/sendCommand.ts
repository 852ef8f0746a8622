import { Option, type Command } from 'commander'
import type { CliIo, ExitCode } from './cliIo'
import { COOKIE_JAR_HELP, type CookieJarFlags } from './cookieJarFlag'
import { ALLOW_FILE_HELP, ALLOW_FILES_HELP, type FileFlags } from './fileFlags'
import type { SendFlags } from './parseSendOptions'
import { proxyOptions, type ProxyFlags } from './proxyFlags'
import { addTlsOptions, type TlsFlags } from './tlsFlags'

const collect = (value: string, previous: string[]) => [...previous, value]

/**
 * `courier send`: its arguments and options only. What it does (engine, workspace,
 * scripts, history) is loaded when it runs, so `courier --help` starts at once.
 */
export function addSendCommand(program: Command, io: CliIo, exit: ExitCode): void {
  const command = program
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
    .option('--digest <user:password>', 'HTTP Digest authentication (MD5 or SHA-256)')
    .option('--ntlm <user:password>', 'NTLM authentication (NTLMv2); the user may be DOMAIN\\user')
    .option(
      '--aws-sigv4 <aws:amz:region:service>',
      'AWS Signature V4 signing, keys from --user (as curl)',
    )
    .option('--user <key:secret>', 'the access key id and secret key for --aws-sigv4')
    .option('--aws-session-token <token>', 'session token of temporary AWS credentials')
    .option('--timeout <ms>', 'timeout of the whole exchange in milliseconds (default 30000)')
    .option('--no-follow', 'do not follow redirects')
    .option('--max-redirects <n>', 'most redirects to follow (default 10)')
    .option('--insecure', 'do not verify TLS certificates')
    .addOption(proxyOptions()[0]!)
    .addOption(proxyOptions()[1]!)
    .option(
      '--location-trusted',
      'send credentials (Authorization, Cookie, API keys, secrets) on when a redirect leads to another origin',
    )
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
    .option('--allow-file <path>', ALLOW_FILE_HELP, collect, [])
    .option('--allow-files', ALLOW_FILES_HELP)
    .option('--cookie-jar <file>', COOKIE_JAR_HELP)
    .option('--fail', 'exit with 1 on a 4xx or 5xx response')
    .option('--no-history', "do not add this send to Courier's history")
    .addOption(new Option('--output <format>', 'pretty or json').default('pretty'))
  addTlsOptions(command).action(
    async (
      target: string,
      url: string | undefined,
      flags: SendFlags & FileFlags & ProxyFlags & TlsFlags & CookieJarFlags,
    ) => {
      const { runSend } = await import('./sendAction')
      exit.set(await runSend(target, url, flags, io))
    },
  )
}

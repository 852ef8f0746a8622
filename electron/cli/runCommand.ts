import { Option, type Command } from 'commander'
import { proxyOptions, type ProxyFlags } from './proxyFlags'
import type { CliIo, ExitCode } from './cliIo'
import { ALLOW_FILE_HELP, ALLOW_FILES_HELP, type FileFlags } from './fileFlags'
import type { RunFlags } from './runFlags'
import { addTlsOptions, type TlsFlags } from './tlsFlags'
import { COOKIE_JAR_HELP, type CookieJarFlags } from './cookieJarFlag'

const collect = (value: string, previous: string[]) => [...previous, value]

/**
 * `courier run`: newman's `run` with the same flags, for a Postman collection file, or a
 * saved workspace or folder. Its options only: what it does is loaded when it runs.
 */
export function addRunCommand(program: Command, io: CliIo, exit: ExitCode): void {
  const command = program
    .command('run')
    .description(
      'Run a Postman collection file (as newman does, same flags) or a saved workspace or folder, with tests, over iterations.',
    )
    .argument(
      '[collection|folder]',
      'a Postman collection file (.json); or a folder of the workspace as "Folder/Sub" (none: the whole workspace)',
    )
    .option('--collection <file>', 'the Postman collection file (instead of the argument)')
    .option('-e, --environment <file>', 'a Postman environment export')
    .option('-g, --globals <file>', 'a Postman globals export')
    .option(
      '-d, --iteration-data <file>',
      'a CSV or JSON data file: one iteration per row, its values as variables',
    )
    .option('-n, --iteration-count <n>', 'iterations (default: one per data row, or 1)')
    .option(
      '--folder <name>',
      'run only this folder or request of the collection (repeatable)',
      collect,
      [],
    )
    .option('--env-var <name=value>', 'an environment variable (repeatable)', collect, [])
    .option('--global-var <name=value>', 'a global variable (repeatable)', collect, [])
    .option('--delay-request <ms>', 'pause between requests')
    .option('--timeout-request <ms>', 'time limit of each request (default: none, as newman)')
    .option('--timeout-script <ms>', 'time limit of each script (default: 5000)')
    .option(
      '--bail [modifiers]',
      'stop at the first failure (modifiers as newman: failure, folder)',
    )
    .option('-k, --insecure', 'do not verify TLS certificates')
    .addOption(proxyOptions()[0]!)
    .addOption(proxyOptions()[1]!)
    .option('--ignore-redirects', 'do not follow redirects')
    .option(
      '--location-trusted',
      'send credentials (Authorization, Cookie, API keys, secrets) on when a redirect leads to another origin',
    )
    .addOption(
      new Option('-r, --reporters <names>', 'cli, json, junit, html (comma-separated)').default(
        'cli',
      ),
    )
    .option('--reporter-json-export <path>', 'where the json reporter writes')
    .option('--reporter-junit-export <path>', 'where the junit reporter writes')
    .option('--reporter-html-export <path>', 'where the html reporter writes')
    .addOption(
      new Option('--color <when>', 'colours in the cli output: on, off, auto').default('auto'),
    )
    .option('--silent', 'print nothing (reporters still write their files)')
    .option('--verbose', 'print each request and response in detail')
    .option('--working-dir <dir>', 'where files named by requests are read from (default: here)')
    .option('--allow-file <path>', ALLOW_FILE_HELP, collect, [])
    .option('--allow-files', ALLOW_FILES_HELP)
    .option('--cookie-jar <file>', COOKIE_JAR_HELP)
    .option('-x, --suppress-exit-code', 'exit 0 even when something failed')
    .option('--history', "keep the run and its sends in Courier's history (off by default)")
    .option('--workspace <dir>', 'the saved workspace (default: the one last opened in Courier)')
    .option('--env <name>', "the workspace's environment (default: the one active in Courier)")
    .option(
      '--secrets <file>',
      'a JSON file {"name": "value"} of secret values (also COURIER_VAR_<name>)',
    )
  addTlsOptions(command).action(
    async (
      target: string | undefined,
      flags: RunFlags & FileFlags & ProxyFlags & TlsFlags & CookieJarFlags,
    ) => {
      const { runRun } = await import('./runAction')
      exit.set(await runRun(target, flags, io))
    },
  )
}

import { KNOWN_REPORTERS, type ReporterName } from '../core/runner/reporters/runReporter'
import { UsageError } from './cliIo'

/** `courier run`'s options as commander hands them over (newman's names, camel-cased). */
export interface RunFlags {
  collection?: string
  environment?: string
  globals?: string
  iterationData?: string
  iterationCount?: string
  folder: string[]
  envVar: string[]
  globalVar: string[]
  delayRequest?: string
  timeoutRequest?: string
  timeoutScript?: string
  /** `--bail` alone is `true`; `--bail failure,folder` gives the modifiers. */
  bail?: boolean | string
  insecure?: boolean
  ignoreRedirects?: boolean
  /** Send credentials on to the other origins redirects lead to (curl's --location-trusted). */
  locationTrusted?: boolean
  reporters: string
  reporterJsonExport?: string
  reporterJunitExport?: string
  reporterHtmlExport?: string
  color: string
  silent?: boolean
  verbose?: boolean
  workingDir?: string
  suppressExitCode?: boolean
  history?: boolean
  workspace?: string
  env?: string
  secrets?: string
}

/** The flags checked and in the runner's terms; file paths are not read yet. */
export interface RunSettings {
  /** A collection file, or null for a saved workspace (then `folder` is the target). */
  collectionFile: string | null
  /** The workspace folder path to run ('' = the whole workspace), when not a collection. */
  workspaceFolder: string
  iterations: number | undefined
  /** newman's --folder, repeatable. */
  only: string[]
  envVars: Record<string, string>
  globalVars: Record<string, string>
  delayMs: number
  /** ms for each request; 0: none (newman's default). */
  timeoutMs: number
  /** ms of JavaScript each script may run; undefined: the sandbox's default (5 s). */
  scriptCpuMs: number | undefined
  bail: boolean
  reporters: ReporterName[]
  color: 'on' | 'off' | 'auto'
}

/** The sandbox's bounds for a script's time limit (ScriptLimitsSchema). */
const SCRIPT_MS = { min: 100, max: 600_000 }
const BAIL_MODIFIERS = new Set(['failure', 'folder'])
const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i

/** A file given on the command line must be a file: newman also takes URLs, Courier does not. */
export function refuseUrl(flag: string, value: string | undefined): void {
  if (value === undefined || !URL_PATTERN.test(value)) return
  throw new UsageError(
    `${flag} ${value}: Courier reads only files and never downloads one. Download it first (curl -fsSL -o file.json '${value}') and give the file's path.`,
  )
}

function count(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not ${min === 0 ? 'a whole number of 0 or more' : `a whole number of ${min} or more`}.`,
    )
  }
  return n
}

function pairs(flag: string, values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of values) {
    const at = pair.indexOf('=')
    const name = at < 0 ? '' : pair.slice(0, at).trim()
    if (name === '') {
      throw new UsageError(
        `${flag} ${JSON.stringify(pair)} is not name=value: give it as ${flag} "name=value".`,
      )
    }
    out[name] = pair.slice(at + 1)
  }
  return out
}

/** The sandbox always has a limit: newman's 0 ("none") keeps Courier's default. */
function scriptTimeout(value: string | undefined): number | undefined {
  const ms = count('--timeout-script', value, 0)
  if (ms === undefined || ms === 0) return undefined
  if (ms < SCRIPT_MS.min || ms > SCRIPT_MS.max) {
    throw new UsageError(
      `--timeout-script ${ms}: a script's time limit is from ${SCRIPT_MS.min} to ${SCRIPT_MS.max} ms (0 keeps the default of 5000).`,
    )
  }
  return ms
}

function reporterList(value: string): ReporterName[] {
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
  const unknown = names.filter((n) => !(KNOWN_REPORTERS as readonly string[]).includes(n))
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown reporter ${unknown.map((n) => `"${n}"`).join(', ')} in -r/--reporters. Courier has ${KNOWN_REPORTERS.join(', ')}; give them comma-separated, e.g. -r cli,junit.`,
    )
  }
  return [...new Set(names)] as ReporterName[]
}

/**
 * Reads the bail flag, newman's way: `--bail` or `--bail failure` stops at the first
 * failure; `folder` (refuse unknown folders) is what Courier always does. Anything else
 * was the collection file, taken by commander as the flag's optional value.
 */
function readBail(bail: RunFlags['bail']): { bail: boolean; target?: string } {
  if (bail === undefined || bail === false) return { bail: false }
  if (bail === true) return { bail: true }
  const modifiers = bail.split(',').map((m) => m.trim())
  if (modifiers.every((m) => BAIL_MODIFIERS.has(m))) return { bail: modifiers.includes('failure') }
  return { bail: true, target: bail }
}

/**
 * Checks every flag of `courier run` before any file is read: numbers, name=value pairs,
 * reporters, colour, URLs where files are wanted, and flags that do not go together.
 *
 * @throws UsageError naming the flag and what to give instead.
 */
export function parseRunFlags(
  target: string | undefined,
  flags: RunFlags,
  isFile: (path: string) => boolean = () => false,
): RunSettings {
  const bail = readBail(flags.bail)
  let given = target ?? bail.target
  if (target !== undefined && bail.target !== undefined) {
    throw new UsageError(
      `--bail ${bail.target}: the modifiers of --bail are failure and folder (comma-separated).`,
    )
  }
  if (flags.collection !== undefined && given !== undefined) {
    throw new UsageError(
      `Give the collection once: either as the first argument (${given}) or with --collection (${flags.collection}).`,
    )
  }
  given = flags.collection ?? given
  refuseUrl('The collection', given)
  refuseUrl('-e/--environment', flags.environment)
  refuseUrl('-g/--globals', flags.globals)
  refuseUrl('-d/--iteration-data', flags.iterationData)
  const collectionFile =
    given !== undefined &&
    (flags.collection !== undefined || /\.json$/i.test(given) || isFile(given))
      ? given
      : null
  if (collectionFile !== null && (flags.workspace !== undefined || flags.env !== undefined)) {
    throw new UsageError(
      '--workspace and --env run a saved workspace: courier run "Folder" --workspace DIR --env NAME. A collection file takes its environment from -e FILE.',
    )
  }
  if (collectionFile === null && (flags.environment !== undefined || flags.globals !== undefined)) {
    throw new UsageError(
      `-e/--environment and -g/--globals read Postman exports for a collection file (courier run collection.json -e env.json). For a saved workspace, choose one of its environments with --env NAME.`,
    )
  }
  if (collectionFile === null && flags.folder.length > 0) {
    throw new UsageError(
      `--folder picks folders of a collection file. In a saved workspace, give the folder's path as the target: courier run "Folder/Sub" --workspace DIR.`,
    )
  }
  const color = flags.color
  if (color !== 'on' && color !== 'off' && color !== 'auto') {
    throw new UsageError(`--color ${JSON.stringify(color)}: give on, off or auto.`)
  }
  return {
    collectionFile,
    workspaceFolder: collectionFile === null ? (given ?? '') : '',
    iterations: count('-n/--iteration-count', flags.iterationCount, 1),
    only: flags.folder,
    envVars: pairs('--env-var', flags.envVar),
    globalVars: pairs('--global-var', flags.globalVar),
    delayMs: count('--delay-request', flags.delayRequest, 0) ?? 0,
    // newman's default: no timeout; 0 means the same to the engine.
    timeoutMs: count('--timeout-request', flags.timeoutRequest, 0) ?? 0,
    scriptCpuMs: scriptTimeout(flags.timeoutScript),
    bail: bail.bail,
    reporters: reporterList(flags.reporters),
    color,
  }
}

import type { RunEvent } from '../../../../shared/model/run'
import { createCliReporter } from './cliReporter'
import { createHtmlReporter } from './htmlReporter'
import { createJsonReporter } from './jsonReporter'
import { createJunitReporter } from './junitReporter'
import { ReportError } from './reportError'

/**
 * A report of a run, made from its events as they stream (start, iteration, request,
 * execution..., done): the terminal lines of `courier run`, or a file in newman's json
 * or junit shape, or a self-contained HTML page.
 */
export interface RunReporter {
  /** Takes the next event; the runner waits for it, so a slow disk slows the run, not memory. */
  onEvent(event: RunEvent): void | Promise<void>
  /**
   * After 'done': writes the file and closes it. Called without a 'done' (the run threw),
   * it only drops what it spooled and writes nothing.
   *
   * @throws ReportError when the report could not be written.
   */
  finish(): Promise<void>
  /** The file it writes (known from the 'start' event on); undefined for the cli reporter. */
  readonly file?: string | null
}

/** What the cli reporter prints and where. */
export interface CliReporterOptions {
  /** Where lines go; default: process.stdout. */
  write?: (text: string) => void
  /** `auto` (default): colour when writing to a terminal and NO_COLOR is unset. */
  color?: 'on' | 'off' | 'auto'
  /** Whether `write` goes to a terminal; default: process.stdout's, when `write` is unset. */
  isTTY?: boolean
  /** Terminal width for wrapping the failures list; default: none (no wrapping). */
  columns?: number
  /** Prints nothing at all (newman's --silent). */
  silent?: boolean
  /** Also each response's headers and the start of its body. */
  verbose?: boolean
  /** Read for NO_COLOR; default: process.env. */
  env?: Record<string, string | undefined>
}

/** A file report's path (newman's --reporter-<name>-export). */
export interface FileReporterOptions {
  /**
   * The file to write, relative to `cwd`; an existing folder gets a default-named file
   * inside. Default: `courier-reports/<run name>-<timestamp>.<ext>` under `cwd`.
   */
  export?: string
}

/** Options of every reporter, each under its name, and what they share. */
export interface ReporterOptions {
  /** Relative export paths and the default `courier-reports/` folder are under it; default: process.cwd(). */
  cwd?: string
  /** The name reports give the collection; default: the run's name (from 'start'). */
  collectionName?: string
  /**
   * Characters of each response body a file report shows (bodies were already cut at
   * the runner's reportBodyBytes); a body cut here is marked truncated.
   */
  bodyLimit?: number
  /** The time default file names carry; default: when the run starts. */
  now?: () => Date
  cli?: CliReporterOptions
  json?: FileReporterOptions
  junit?: FileReporterOptions
  html?: FileReporterOptions
}

/** The reporters there are, as `-r/--reporters` names them. */
export const KNOWN_REPORTERS = ['cli', 'json', 'junit', 'html'] as const
export type ReporterName = (typeof KNOWN_REPORTERS)[number]

const FACTORIES: Record<ReporterName, (options: ReporterOptions) => RunReporter> = {
  cli: createCliReporter,
  json: createJsonReporter,
  junit: createJunitReporter,
  html: createHtmlReporter,
}

/**
 * The reporters named, in order (a name given twice makes one).
 *
 * @throws ReportError for a name that is not a reporter, listing the known ones.
 */
export function createReporters(
  names: readonly string[],
  options: ReporterOptions = {},
): RunReporter[] {
  const unknown = names.filter((n) => !(KNOWN_REPORTERS as readonly string[]).includes(n))
  if (unknown.length > 0) {
    throw new ReportError(
      `Unknown reporter ${unknown.map((n) => `"${n}"`).join(', ')}. Courier has ${KNOWN_REPORTERS.join(', ')}; name them comma-separated, e.g. -r cli,junit.`,
    )
  }
  return [...new Set(names as readonly ReporterName[])].map((name) => FACTORIES[name](options))
}

/** One emit function for runCollection that hands each event to every reporter, in order. */
export function emitTo(reporters: readonly RunReporter[]): (event: RunEvent) => Promise<void> {
  return async (event) => {
    for (const reporter of reporters) await reporter.onEvent(event)
  }
}

/**
 * Finishes every reporter, even when one fails, then throws the first failure.
 *
 * @throws ReportError from the first reporter that could not write its report.
 */
export async function finishAll(reporters: readonly RunReporter[]): Promise<void> {
  const results = await Promise.allSettled(reporters.map((r) => r.finish()))
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
}

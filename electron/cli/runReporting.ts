import { createReporters, type RunReporter } from '../core/runner/reporters/runReporter'
import type { CliIo } from './cliIo'
import type { RunFlags, RunSettings } from './runFlags'

/**
 * The reporters `-r` names, set up from newman's flags: the cli one writes to standard
 * output (nothing with --silent), the file ones to their --reporter-<name>-export paths,
 * or to `courier-reports/` under the current folder, as newman writes to `newman/`.
 */
export function createRunReporters(
  settings: RunSettings,
  flags: RunFlags,
  io: CliIo,
): RunReporter[] {
  return createReporters(settings.reporters, {
    cwd: process.cwd(),
    cli: {
      write: io.stdout,
      color: settings.color,
      isTTY: process.stdout.isTTY === true,
      ...(process.stdout.columns && { columns: process.stdout.columns }),
      silent: flags.silent === true,
      verbose: flags.verbose === true,
    },
    json: { ...(flags.reporterJsonExport && { export: flags.reporterJsonExport }) },
    junit: { ...(flags.reporterJunitExport && { export: flags.reporterJunitExport }) },
    html: { ...(flags.reporterHtmlExport && { export: flags.reporterHtmlExport }) },
  })
}

import {
  failuresOf,
  type RunEvent,
  type RunExecution,
  type RunItemRef,
} from '../../../../shared/model/run'
import { colorEnabled, paint, terminalSafe as safe, type Paint } from './ansi'
import { failuresList, summaryTable } from './cliSummary'
import { formatBytes, formatDuration } from './formatUnits'
import type { ReporterOptions, RunReporter } from './runReporter'

/** Characters of a body `--verbose` prints (newman's clip size). */
const VERBOSE_BODY_CHARS = 2048

/** The folders of a request, from its path (`Users/Admins/Get user` -> `Users/Admins`). */
function folderOf(item: RunItemRef): string {
  const suffix = `/${item.name}`
  return item.path.endsWith(suffix) ? item.path.slice(0, -suffix.length) : ''
}

/** Left-pads a failure number to newman's three columns: `  1`. */
const numbered = (n: number) => String(n).padStart(3, ' ')

/**
 * The terminal output of `courier run`, as newman's cli reporter prints it: the
 * collection, `Iteration n/N` when there are several, one block per request (`→ Name`,
 * `  GET url [200 OK, 1.2kB, 23ms]`, `  ✓  test` or `  1. test` for a failure), then the
 * summary table and the numbered failures. Writes as it goes; holds only counters.
 */
class CliReporter implements RunReporter {
  private iterations = 1
  private folder = ''
  private failureCount = 0

  constructor(
    private readonly write: (text: string) => void,
    private readonly paint: Paint,
    private readonly verbose: boolean,
    private readonly columns: number | undefined,
    private readonly collectionName: string | undefined,
  ) {}

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'start':
        this.iterations = event.iterations
        this.write(`courier\n\n${safe(this.collectionName ?? event.name)}\n`)
        return
      case 'iteration':
        this.folder = ''
        if (this.iterations > 1) {
          const title = `Iteration ${event.iteration + 1}/${this.iterations}`
          this.write(`\n${this.paint.gray(this.paint.underline(title))}\n`)
        }
        return
      case 'request':
        this.requestTitle(event.item)
        return
      case 'execution':
        this.execution(event.execution)
        return
      case 'done': {
        const { summary } = event
        this.write(`\n${summaryTable(summary, this.paint)}\n`)
        if (summary.failures.length > 0) {
          this.write(`\n${failuresList(summary.failures, this.paint, this.columns)}\n`)
        }
        if (summary.endMessage) this.write(`\n${this.paint.yellow(summary.endMessage)}\n`)
      }
    }
  }

  async finish(): Promise<void> {}

  private requestTitle(item: RunItemRef): void {
    const folder = folderOf(item)
    if (folder !== this.folder) {
      if (folder !== '') this.write(`\n❏ ${safe(folder)}`)
      this.folder = folder
    }
    this.write(`\n${folder === '' ? '→' : '↳'} ${safe(item.name)}\n`)
  }

  private execution(e: RunExecution): void {
    const p = this.paint
    const request = `  ${p.gray(safe(e.method))} ${p.gray(safe(e.url))}`
    const failures = failuresOf(e)
    const next = () => p.red(p.bold(numbered(++this.failureCount)))
    if (e.response) {
      const r = e.response
      const status = `${r.status}${r.statusText ? ` ${safe(r.statusText)}` : ''}`
      this.write(
        `${request} ${p.gray(`[${status}, ${formatBytes((r.headersBytes ?? 0) + r.sizeBytes)}, ${formatDuration(r.timeMs)}]`)}\n`,
      )
      if (this.verbose) this.responseDetail(e)
    } else {
      const notSent = e.error?.code === 'SCRIPT'
      this.write(`${request} ${p.red(notSent ? '[not sent]' : '[errored]')}\n`)
    }
    const requestFailure = failures.find((f) => f.kind === 'request')
    if (requestFailure) {
      this.write(
        `${next()}${p.red('⠄')} ${p.red(safe(`${requestFailure.message} (${requestFailure.name})`))}\n`,
      )
      if (e.error?.hint) this.write(`     ${p.gray(safe(e.error.hint))}\n`)
    }
    this.console(e)
    const script = e.checks.scriptFailure
    if (script) {
      const where = script.event === 'preRequest' ? 'prerequest-script' : 'test-script'
      this.write(
        `${next()}${p.red('⠄')} ${p.red(p.bold(`ScriptError in ${where}`))}: ${safe(script.message)}\n`,
      )
    }
    for (const t of e.checks.tests) {
      this.write(
        t.passed
          ? `${p.green('  ✓ ')} ${p.gray(safe(t.name))}\n`
          : `${next()}${p.red(p.bold('.'))} ${p.red(p.bold(safe(t.name)))}\n`,
      )
    }
  }

  private console(e: RunExecution): void {
    if (e.checks.console.length === 0) return
    const lines = e.checks.console.flatMap((c) => c.text.split('\n'))
    this.write(`  ┌\n${lines.map((l) => `  │ ${this.paint.gray(safe(l))}\n`).join('')}  └\n`)
  }

  /** --verbose: the response's headers, then the start of its body. */
  private responseDetail(e: RunExecution): void {
    const r = e.response!
    const p = this.paint
    for (const [name, value] of r.headers)
      this.write(`  ${p.gray('↓')} ${safe(name)}: ${p.gray(safe(value))}\n`)
    if (r.body === '') return
    const shown = r.body.slice(0, VERBOSE_BODY_CHARS)
    const cut = shown.length < r.body.length || r.bodyTruncated
    const lines = shown.split('\n').map((l) => `  │ ${p.gray(safe(l))}\n`)
    const note = cut ? ` (first ${shown.length} characters of ${formatBytes(r.sizeBytes)})` : ''
    this.write(`  ┌ ${p.gray('body')}\n${lines.join('')}  └${p.gray(note)}\n`)
  }
}

/** Prints nothing: newman's --silent. */
const SILENT: RunReporter = {
  onEvent() {},
  async finish() {},
}

/** The cli reporter, from `options.cli` (stdout, colour by TTY and NO_COLOR by default). */
export function createCliReporter(options: ReporterOptions): RunReporter {
  const cli = options.cli ?? {}
  if (cli.silent) return SILENT
  const write = cli.write ?? ((text: string) => void process.stdout.write(text))
  const isTTY = cli.isTTY ?? (cli.write ? false : process.stdout.isTTY === true)
  const colors = paint(colorEnabled(cli.color ?? 'auto', isTTY, cli.env ?? process.env))
  const columns = cli.columns ?? (cli.write ? undefined : process.stdout.columns)
  return new CliReporter(write, colors, cli.verbose === true, columns, options.collectionName)
}

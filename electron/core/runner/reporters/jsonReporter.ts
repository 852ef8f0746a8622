import { randomUUID } from 'node:crypto'
import { executionFailed, type RunExecution, type RunSummary } from '../../../../shared/model/run'
import { executionJson, failureJson, runTimings, type FailedAt } from './jsonShapes'
import type { ReportKind } from './reportTarget'
import type { ReporterOptions, RunReporter } from './runReporter'
import { SpooledReporter, type RunStart } from './spooledReporter'

const JSON_REPORT: ReportKind = {
  what: 'JSON report',
  flag: '--reporter-json-export',
  extension: '.json',
}

/** Indentation of an execution inside `run.executions` (two levels of two spaces, plus the array's). */
const ITEM_INDENT = '      '

/**
 * newman's json export: `{ collection: { info: { name } }, run: { stats, timings,
 * transfers, executions, failures, error } }`, with `run.stats` in newman's shape.
 * Each execution is appended to a spool as it arrives; the file is assembled at finish.
 */
class JsonReporter extends SpooledReporter {
  private written = 0
  private cycles = 1
  private length = 0
  private position = 0
  /** Only executions that failed: their failures need their place and script. */
  private failedAt = new Map<number, FailedAt>()

  constructor(options: ReporterOptions) {
    super(options, JSON_REPORT, options.json?.export)
  }

  protected override started(start: RunStart): void {
    this.cycles = start.iterations
    this.length = start.itemsPerIteration
  }

  protected override iterationStarted(): void {
    this.position = 0
  }

  protected render(e: RunExecution): string {
    const cursor = {
      iteration: e.iteration,
      position: this.position++,
      length: this.length,
      cycles: this.cycles,
    }
    if (executionFailed(e)) {
      const failure = e.checks.scriptFailure
      this.failedAt.set(e.index, {
        position: cursor.position,
        scriptEvent: failure ? (failure.event === 'preRequest' ? 'prerequest' : 'test') : null,
      })
    }
    const text = JSON.stringify(executionJson(e, cursor, this.options.bodyLimit), null, 2)
    const separator = this.written++ === 0 ? '\n' : ',\n'
    return `${separator}${ITEM_INDENT}${text.replaceAll('\n', `\n${ITEM_INDENT}`)}`
  }

  protected frame(s: RunSummary) {
    // The executions go where this marker is: everything around it is known only now.
    const marker = `executions-${randomUUID()}`
    const cursor = { length: this.length, cycles: this.cycles }
    const whole = {
      collection: { info: { name: this.name } },
      run: {
        stats: s.stats,
        ...runTimings(s),
        end: { reason: s.end, message: s.endMessage },
        executions: marker,
        failures: s.failures.map((f) => failureJson(f, this.failedAt.get(f.execution), cursor)),
        error: null,
      },
    }
    const [head, tail] = JSON.stringify(whole, null, 2).split(`"${marker}"`) as [string, string]
    const close = this.written > 0 ? `\n${ITEM_INDENT.slice(2)}]` : ']'
    return { head: `${head}[`, tail: `${close}${tail}\n` }
  }
}

/** The json reporter, writing to `options.json.export` or `courier-reports/`. */
export function createJsonReporter(options: ReporterOptions): RunReporter {
  return new JsonReporter(options)
}

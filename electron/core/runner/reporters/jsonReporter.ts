import { randomUUID } from 'node:crypto'
import { executionFailed, type RunEvent, type RunSummary } from '../../../../shared/model/run'
import { executionJson, failureJson, runTimings, type FailedAt } from './jsonShapes'
import { ReportSpool } from './reportSpool'
import { reportTarget, type ReportKind } from './reportTarget'
import type { ReporterOptions, RunReporter } from './runReporter'

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
class JsonReporter implements RunReporter {
  private spool: ReportSpool | null = null
  private target: string | null = null
  private summary: RunSummary | null = null
  private name = ''
  private written = 0
  private cycles = 1
  private length = 0
  private position = 0
  /** Only executions that failed: their failures need their place and script. */
  private failedAt = new Map<number, FailedAt>()

  constructor(private readonly options: ReporterOptions) {}

  get file(): string | null {
    return this.target
  }

  async onEvent(event: RunEvent): Promise<void> {
    switch (event.type) {
      case 'start': {
        this.name = this.options.collectionName ?? event.name
        this.cycles = event.iterations
        this.length = event.itemsPerIteration
        const now = this.options.now?.() ?? new Date(event.startedAt)
        const cwd = this.options.cwd ?? process.cwd()
        this.target = await reportTarget(
          JSON_REPORT,
          this.options.json?.export,
          cwd,
          this.name,
          now,
        )
        this.spool = await ReportSpool.open(JSON_REPORT, this.target)
        return
      }
      case 'iteration':
        this.position = 0
        return
      case 'execution': {
        const e = event.execution
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
        await this.spool?.append(
          `${separator}${ITEM_INDENT}${text.replaceAll('\n', `\n${ITEM_INDENT}`)}`,
        )
        return
      }
      case 'done':
        this.summary = event.summary
    }
  }

  async finish(): Promise<void> {
    const spool = this.spool
    this.spool = null
    if (!spool) return
    const s = this.summary
    if (!s) return spool.discard()
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
    await spool.assemble(`${head}[`, `${close}${tail}\n`)
  }
}

/** The json reporter, writing to `options.json.export` or `courier-reports/`. */
export function createJsonReporter(options: ReporterOptions): RunReporter {
  return new JsonReporter(options)
}

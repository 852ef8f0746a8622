import type { RunEvent, RunExecution, RunSummary } from '../../../../shared/model/run'
import { ReportSpool } from './reportSpool'
import { reportTarget, type ReportKind } from './reportTarget'
import type { ReporterOptions, RunReporter } from './runReporter'

export type RunStart = Extract<RunEvent, { type: 'start' }>

/**
 * A report written to a file as the run goes: its path is worked out (and checked) when
 * the run starts, each execution is rendered and spooled as it arrives, and at finish the
 * head and tail, which hold what is only known then, are put around the spool. A report
 * says how it renders an execution and what frames them; the file handling is here.
 */
export abstract class SpooledReporter implements RunReporter {
  private spool: ReportSpool | null = null
  private target: string | null = null
  private summary: RunSummary | null = null
  /** The collection's name, as the report titles it. */
  protected name = ''

  constructor(
    protected readonly options: ReporterOptions,
    private readonly kind: ReportKind,
    /** The path asked for (newman's --reporter-<name>-export); default-named when absent. */
    private readonly exportPath: string | undefined,
  ) {}

  get file(): string | null {
    return this.target
  }

  async onEvent(event: RunEvent): Promise<void> {
    switch (event.type) {
      case 'start': {
        this.name = this.options.collectionName ?? event.name
        const now = this.options.now?.() ?? new Date(event.startedAt)
        const cwd = this.options.cwd ?? process.cwd()
        this.target = await reportTarget(this.kind, this.exportPath, cwd, this.name, now)
        this.spool = await ReportSpool.open(this.kind, this.target)
        this.started(event)
        return
      }
      case 'iteration':
        this.iterationStarted(event.iteration)
        return
      case 'execution':
        await this.spool?.append(this.render(event.execution))
        return
      case 'done':
        this.summary = event.summary
    }
  }

  async finish(): Promise<void> {
    const spool = this.spool
    this.spool = null
    if (!spool) return
    // No summary: the run threw before it ended, and a half report would mislead.
    if (!this.summary) return spool.discard()
    const { head, tail } = this.frame(this.summary)
    await spool.assemble(head, tail)
  }

  /** What the run says of itself at its start (iterations, requests per iteration). */
  protected started(_start: RunStart): void {}

  /** A new iteration begins. */
  protected iterationStarted(_iteration: number): void {}

  /** One execution's text, as it goes in the report's middle. */
  protected abstract render(execution: RunExecution): string

  /** What goes before and after the executions, once the run is over. */
  protected abstract frame(summary: RunSummary): { head: string; tail: string }
}

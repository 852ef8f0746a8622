import type { RunEvent, RunSummary } from '../../../../shared/model/run'
import { HTML_TAIL, executionHtml, htmlHead } from './htmlParts'
import { ReportSpool } from './reportSpool'
import { reportTarget, type ReportKind } from './reportTarget'
import type { ReporterOptions, RunReporter } from './runReporter'

/**
 * Characters of each body an HTML report shows: it is opened in a browser, where a
 * 10,000-request run at the 64 KB report limit would be a file too big to open.
 */
const HTML_BODY_CHARS = 8 * 1024

const HTML_REPORT: ReportKind = {
  what: 'HTML report',
  flag: '--reporter-html-export',
  extension: '.html',
}

/**
 * One self-contained HTML page: the summary and the failures first, then every request
 * as it ran. Requests are spooled as they come; the page is assembled at finish, when
 * the summary at its top is known.
 */
class HtmlReporter implements RunReporter {
  private spool: ReportSpool | null = null
  private target: string | null = null
  private summary: RunSummary | null = null
  private name = ''

  constructor(private readonly options: ReporterOptions) {}

  get file(): string | null {
    return this.target
  }

  async onEvent(event: RunEvent): Promise<void> {
    switch (event.type) {
      case 'start': {
        this.name = this.options.collectionName ?? event.name
        const now = this.options.now?.() ?? new Date(event.startedAt)
        const cwd = this.options.cwd ?? process.cwd()
        this.target = await reportTarget(
          HTML_REPORT,
          this.options.html?.export,
          cwd,
          this.name,
          now,
        )
        this.spool = await ReportSpool.open(HTML_REPORT, this.target)
        return
      }
      case 'execution':
        await this.spool?.append(
          executionHtml(event.execution, this.options.bodyLimit ?? HTML_BODY_CHARS),
        )
        return
      case 'done':
        this.summary = event.summary
    }
  }

  async finish(): Promise<void> {
    const spool = this.spool
    this.spool = null
    if (!spool) return
    if (!this.summary) return spool.discard()
    await spool.assemble(htmlHead(this.name, this.summary), HTML_TAIL)
  }
}

/** The html reporter, writing to `options.html.export` or `courier-reports/`. */
export function createHtmlReporter(options: ReporterOptions): RunReporter {
  return new HtmlReporter(options)
}

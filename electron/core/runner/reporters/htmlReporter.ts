import type { RunExecution, RunSummary } from '../../../../shared/model/run'
import { HTML_TAIL, executionHtml, htmlHead } from './htmlParts'
import type { ReportKind } from './reportTarget'
import type { ReporterOptions, RunReporter } from './runReporter'
import { SpooledReporter } from './spooledReporter'

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
class HtmlReporter extends SpooledReporter {
  constructor(options: ReporterOptions) {
    super(options, HTML_REPORT, options.html?.export)
  }

  protected render(execution: RunExecution): string {
    return executionHtml(execution, this.options.bodyLimit ?? HTML_BODY_CHARS)
  }

  protected frame(summary: RunSummary) {
    return { head: htmlHead(this.name, summary), tail: HTML_TAIL }
  }
}

/** The html reporter, writing to `options.html.export` or `courier-reports/`. */
export function createHtmlReporter(options: ReporterOptions): RunReporter {
  return new HtmlReporter(options)
}

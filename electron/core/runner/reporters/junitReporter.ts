import { XMLBuilder } from 'fast-xml-parser'
import type { RunExecution, RunSummary } from '../../../../shared/model/run'
import { junitSeconds } from './formatUnits'
import { junitSuite, type SuiteCounts } from './junitSuite'
import type { ReportKind } from './reportTarget'
import type { ReporterOptions, RunReporter } from './runReporter'
import { SpooledReporter, type RunStart } from './spooledReporter'
import { xmlSafe } from './xmlText'

const JUNIT_REPORT: ReportKind = {
  what: 'JUnit report',
  flag: '--reporter-junit-export',
  extension: '.xml',
}

const rootBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@' })

/**
 * JUnit XML as GitLab, Jenkins' JUnit plugin and GitHub's test reporters read it: a
 * `<testsuites>` root with the run's counts, and one `<testsuite>` per request per
 * iteration (see junitSuite). Suites are spooled as they come; the root, whose counts
 * come first, is written at finish.
 */
class JunitReporter extends SpooledReporter {
  private iterations = 1
  private totals: SuiteCounts = { tests: 0, failures: 0, errors: 0 }
  /** Sends of each request in the current iteration: setNextRequest may repeat one. */
  private sends = new Map<string, number>()

  constructor(options: ReporterOptions) {
    super(options, JUNIT_REPORT, options.junit?.export)
  }

  protected override started(start: RunStart): void {
    this.iterations = start.iterations
  }

  protected override iterationStarted(): void {
    this.sends.clear()
  }

  protected render(e: RunExecution): string {
    const send = (this.sends.get(e.item.id) ?? 0) + 1
    this.sends.set(e.item.id, send)
    // Suite names stay unique: GitLab keys a test by suite, classname and name.
    const marks = [
      ...(this.iterations > 1 ? [`iteration ${e.iteration + 1}`] : []),
      ...(send > 1 ? [`send ${send}`] : []),
    ]
    const name = marks.length > 0 ? `${e.item.path} (${marks.join(', ')})` : e.item.path
    const { xml, counts } = junitSuite(e, name)
    this.totals.tests += counts.tests
    this.totals.failures += counts.failures
    this.totals.errors += counts.errors
    return xml
  }

  protected frame(s: RunSummary) {
    const marker = 'suites'
    const root = rootBuilder.build({
      testsuites: {
        '@name': xmlSafe(this.name),
        '@tests': this.totals.tests,
        '@failures': this.totals.failures,
        '@errors': this.totals.errors,
        '@skipped': 0,
        '@time': junitSeconds(s.finishedAt - s.startedAt),
        '#text': marker,
      },
    }) as string
    const at = root.lastIndexOf(`>${marker}<`)
    return {
      head: `<?xml version="1.0" encoding="UTF-8"?>\n${root.slice(0, at + 1)}\n`,
      tail: `${root.slice(at + 1 + marker.length)}\n`,
    }
  }
}

/** The junit reporter, writing to `options.junit.export` or `courier-reports/`. */
export function createJunitReporter(options: ReporterOptions): RunReporter {
  return new JunitReporter(options)
}

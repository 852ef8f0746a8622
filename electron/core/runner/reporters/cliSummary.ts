import Table from 'cli-table3'
import type { RunFailure, RunStats, RunSummary } from '../../../../shared/model/run'
import { terminalSafe as safe, type Paint } from './ansi'
import { formatBytes, formatDuration } from './formatUnits'

/** newman's rows, in its order and with its labels. */
const STAT_ROWS: { key: keyof RunStats; label: string }[] = [
  { key: 'iterations', label: 'iterations' },
  { key: 'requests', label: 'requests' },
  { key: 'testScripts', label: 'test-scripts' },
  { key: 'prerequestScripts', label: 'prerequest-scripts' },
  { key: 'assertions', label: 'assertions' },
]

/** No borders at all: the failures list is a list, not a grid. */
const BLANK_CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' ',
}

/**
 * The summary table newman prints after a run: executed and failed per row, then the
 * total run duration, the data received and the average response time.
 */
export function summaryTable(summary: RunSummary, paint: Paint): string {
  const table = new Table({
    head: ['', 'executed', '  failed'],
    colAligns: ['right', 'right', 'right'],
    colWidths: [25],
    style: paint.enabled ? { head: [] } : { head: [], border: [] },
  })
  for (const { key, label } of STAT_ROWS) {
    const { total, failed } = summary.stats[key]
    table.push([
      failed > 0 ? paint.red(label) : paint.green(label),
      total,
      failed > 0 ? paint.red(String(failed)) : failed,
    ])
  }
  const line = (content: string) => [{ colSpan: 3, content, hAlign: 'left' as const }]
  table.push(line(`total run duration: ${formatDuration(summary.finishedAt - summary.startedAt)}`))
  table.push(line(`total data received: ${formatBytes(summary.totalBytes)} (approx)`))
  if (summary.stats.requests.total > summary.stats.requests.failed) {
    table.push(line(`average response time: ${formatDuration(summary.averageResponseMs)}`))
  }
  return table.toString()
}

const FAILURE_TITLE: Record<RunFailure['kind'], string> = {
  assertion: 'AssertionError',
  script: 'ScriptError',
  request: 'RequestError',
}

/** What a failure says under its title: the test, why, and where it happened. */
function failureDetail(f: RunFailure, paint: Paint): string {
  const what =
    f.kind === 'assertion'
      ? `${safe(f.name)}\n${paint.gray(safe(f.message))}`
      : f.kind === 'request'
        ? safe(`${f.message} (${f.name})`)
        : safe(f.message)
  return `${what}\n${paint.gray(`inside "${safe(f.item.path)}", iteration ${f.iteration + 1}`)}`
}

/**
 * The numbered failures newman lists after the summary: number, kind, then what failed,
 * why, and in which request and iteration. `columns` wraps the detail to a terminal.
 */
export function failuresList(failures: RunFailure[], paint: Paint, columns?: number): string {
  const numberWidth = String(failures.length).length + 1
  const widths: number[] = []
  if (columns && columns > 40) {
    widths[0] = numberWidth + 2
    widths[1] = 18
    widths[2] = columns - widths[0] - widths[1] - 4
  }
  const table = new Table({
    head: [
      paint.red(paint.underline('#')),
      paint.red(paint.underline('failure')),
      paint.red(paint.underline('detail')),
    ],
    chars: BLANK_CHARS,
    colAligns: ['right', 'left', 'left'],
    style: { head: [], border: [] },
    ...(widths.length > 0 ? { colWidths: widths, wordWrap: true } : {}),
  })
  failures.forEach((f, i) => {
    table.push([`${i + 1}.`, FAILURE_TITLE[f.kind], failureDetail(f, paint)])
  })
  return table.toString()
}

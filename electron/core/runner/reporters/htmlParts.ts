import escapeHtml from 'escape-html'
import {
  executionFailed,
  type RunExecution,
  type RunFailure,
  type RunStats,
  type RunSummary,
} from '../../../../shared/model/run'
import { formatBytes, formatDuration } from './formatUnits'
import { HTML_REPORT_CSS } from './htmlStyle'
import { reportBody } from './jsonShapes'

/** Every value goes through here: names, URLs, messages and bodies are untrusted text. */
const h = (value: string | number): string => escapeHtml(String(value))

const STAT_ROWS: [keyof RunStats, string][] = [
  ['iterations', 'Iterations'],
  ['requests', 'Requests'],
  ['testScripts', 'Test scripts'],
  ['prerequestScripts', 'Pre-request scripts'],
  ['assertions', 'Assertions'],
]

const END_WORDS: Record<RunSummary['end'], string> = {
  completed: 'Completed',
  bailed: 'Stopped at the first failure (bail)',
  stopped: 'Stopped',
  'loop-guard': 'Stopped by the loop guard',
}

const FAILURE_TITLE: Record<RunFailure['kind'], string> = {
  assertion: 'AssertionError',
  script: 'ScriptError',
  request: 'RequestError',
}

const utc = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`

/** The anchor of an execution, which the failures link to. */
const anchor = (index: number) => `e-${index}`

function statsTable(stats: RunStats): string {
  const rows = STAT_ROWS.map(([key, label]) => {
    const { total, failed } = stats[key]
    const failedCell = failed > 0 ? `<td class="n failed-n">${failed}</td>` : '<td class="n">0</td>'
    return `<tr><th scope="row">${label}</th><td class="n">${total}</td>${failedCell}</tr>`
  })
  return `<table aria-label="Counts"><thead><tr><th scope="col"></th><th scope="col">Executed</th><th scope="col">Failed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function failuresSection(failures: RunFailure[]): string {
  if (failures.length === 0) {
    return '<section aria-labelledby="failures"><h2 id="failures">Failures</h2><p class="pass">No failures.</p></section>'
  }
  const items = failures.map(
    (f) =>
      `<li><a href="#${anchor(f.execution)}">${h(f.item.path)}</a>, iteration ${f.iteration + 1}: <strong class="fail">${FAILURE_TITLE[f.kind]}</strong> ${h(f.kind === 'assertion' ? f.name : '')}<div class="why">${h(f.message)}</div></li>`,
  )
  return `<section aria-labelledby="failures"><h2 id="failures">Failures (${failures.length})</h2><ol class="failures">${items.join('')}</ol></section>`
}

/**
 * The report from its start to the opening of the requests list: title, when, how the
 * run ended, the counts (newman's rows), the figures, and every failure linked to its
 * request below.
 */
export function htmlHead(name: string, s: RunSummary): string {
  const early = s.end !== 'completed'
  const endText = `${END_WORDS[s.end]}${s.endMessage ? `: ${s.endMessage}` : ''}`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Courier">
<title>${h(name)}: run report</title>
<style>${HTML_REPORT_CSS}</style>
</head>
<body>
<main>
<header><h1>${h(name)}</h1>
<p class="muted">Run report by Courier. Started ${h(utc(s.startedAt))}, finished ${h(utc(s.finishedAt))}.</p>
<p class="end ${early ? 'early' : 'completed'}">${h(endText)}</p></header>
<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
${statsTable(s.stats)}
<dl class="figures">
<dt>Total run duration</dt><dd>${h(formatDuration(s.finishedAt - s.startedAt))}</dd>
<dt>Average response time</dt><dd>${h(formatDuration(s.averageResponseMs))}</dd>
<dt>Total data received</dt><dd>${h(formatBytes(s.totalBytes))}</dd>
</dl></section>
${failuresSection(s.failures)}
<section aria-labelledby="requests"><h2 id="requests">Requests (${s.stats.requests.total})</h2>
<ol class="executions">
`
}

/** Closes what htmlHead opened. */
export const HTML_TAIL = '</ol></section>\n</main>\n</body>\n</html>\n'

function testsList(e: RunExecution): string {
  if (e.checks.tests.length === 0) return ''
  const items = e.checks.tests.map((t) =>
    t.passed
      ? `<li class="pass"><span aria-hidden="true">✓</span> ${h(t.name)}</li>`
      : `<li class="fail"><span aria-hidden="true">✗</span> <span class="visually-hidden">Failed:</span> ${h(t.name)}<div class="why">${h(t.error ?? 'failed')}</div></li>`,
  )
  const passed = e.checks.tests.filter((t) => t.passed).length
  return `<ul class="tests" aria-label="Tests: ${passed} of ${e.checks.tests.length} passed">${items.join('')}</ul>`
}

function responseParts(e: RunExecution, bodyLimit: number | undefined): string {
  const r = e.response
  if (!r) return ''
  const headers = r.headers
    .map(([n, v]) => `<tr><th scope="row">${h(n)}</th><td>${h(v)}</td></tr>`)
    .join('')
  const out = [
    `<details><summary>Response headers (${r.headers.length})</summary><table>${headers}</table></details>`,
  ]
  if (r.body !== '') {
    const body = reportBody(r.body, r.bodyTruncated, bodyLimit)
    const note = body.truncated
      ? `, first ${body.body.length} characters of ${formatBytes(r.sizeBytes)}`
      : ''
    out.push(
      `<details><summary>Response body${h(note)}</summary><pre>${h(body.body)}</pre></details>`,
    )
  }
  return out.join('')
}

/** One request of one iteration: what was sent, what came back, its tests and errors. */
export function executionHtml(e: RunExecution, bodyLimit: number | undefined): string {
  const r = e.response
  const failed = executionFailed(e)
  const outcome = r
    ? `${h(`${r.status} ${r.statusText}`.trim())}, ${h(formatDuration(r.timeMs))}, ${h(formatBytes(r.sizeBytes))}`
    : '<span class="error">no response</span>'
  const parts = [
    `<li id="${anchor(e.index)}" class="execution${failed ? ' failed' : ''}">`,
    `<h3>${h(e.method)} ${h(e.url)}</h3>`,
    `<p class="meta">#${e.index + 1}: ${h(e.item.path)}, iteration ${e.iteration + 1}. ${outcome}</p>`,
  ]
  if (e.error) {
    parts.push(
      `<p class="error">Request error ${h(e.error.code)}: ${h(e.error.message)} ${h(e.error.hint)}</p>`,
    )
  }
  const script = e.checks.scriptFailure
  if (script) {
    const event = script.event === 'preRequest' ? 'Pre-request' : 'Post-response'
    parts.push(
      `<p class="error">${event} script of ${h(script.script)} failed: ${h(script.message)}</p>`,
    )
  }
  parts.push(testsList(e), responseParts(e, bodyLimit))
  if (e.checks.console.length > 0) {
    const lines = e.checks.console.map((c) => `${c.level}: ${c.text}`).join('\n')
    parts.push(
      `<details><summary>Console (${e.checks.console.length})</summary><pre>${h(lines)}</pre></details>`,
    )
  }
  parts.push('</li>\n')
  return parts.join('')
}

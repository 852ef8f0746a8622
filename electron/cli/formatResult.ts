import type { SendResult } from '../../shared/ipc/contract'
import { formatJsonOrProblem } from '../../shared/logic/json'
import type { Checks } from '../../shared/model/assertion'

/** `tests` and `console` of `--output json`, when the request has scripts or assertions. */
function checksJson(checks: Checks | undefined): object {
  if (!checks) return {}
  const tests = checks.tests.map((t) => ({
    name: t.name,
    passed: t.passed,
    ...(t.error !== undefined && { error: t.error }),
  }))
  return {
    tests,
    console: checks.console,
    ...(checks.scriptFailure && { scriptError: checks.scriptFailure }),
  }
}

/** The stable `--output json` shape, documented in the README. */
export function toJsonOutput(result: SendResult): object {
  if (!result.ok) return { error: result.error, ...checksJson(result.checks) }
  const r = result.response
  return {
    status: r.status,
    statusText: r.statusText,
    httpVersion: r.httpVersion,
    url: r.url,
    headers: r.headers,
    body: r.body,
    bodyEncoding: r.bodyEncoding,
    redirects: r.redirects.map((h) => ({
      status: h.status,
      url: h.url,
      location: h.location,
      ...(h.challenge !== undefined && { challenge: h.challenge }),
    })),
    timings: r.timings,
    sizes: { headers: r.sizes.headers, body: r.sizes.body },
    ...(r.tls && { tls: r.tls }),
    ...checksJson(result.checks),
  }
}

/** What the scripts printed, then each test with ✓ or ✗ (and why), then the count. */
function checksText(checks: Checks | undefined): string {
  if (!checks) return ''
  const lines = checks.console.map((l) => `console.${l.level}: ${l.text}`)
  const f = checks.scriptFailure
  if (f) {
    const where = f.line ? ` at line ${f.line}${f.column ? `:${f.column}` : ''}` : ''
    lines.push(
      `Script error in ${f.script} (${f.event === 'preRequest' ? 'pre-request' : 'post-response'})${where}: ${f.message}`,
    )
  }
  for (const t of checks.tests) {
    lines.push(`${t.passed ? '✓' : '✗'} ${t.name}${t.passed || !t.error ? '' : `: ${t.error}`}`)
  }
  const passed = checks.tests.filter((t) => t.passed).length
  if (checks.tests.length > 0) lines.push(`Tests: ${passed}/${checks.tests.length} passed`)
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

const KB = 1024

function size(bytes: number): string {
  if (bytes < KB) return `${bytes} B`
  if (bytes < KB * KB) return `${(bytes / KB).toFixed(1)} KB`
  return `${(bytes / KB / KB).toFixed(1)} MB`
}

/** Human output: status line, headers, blank line, body (JSON pretty-printed). Errors go to stderr. */
export function toPrettyOutput(result: SendResult): { stdout: string; stderr: string } {
  if (!result.ok) {
    const e = result.error
    return {
      stdout: '',
      stderr: `${checksText(result.checks)}Error [${e.code}]: ${e.message}\nHint: ${e.hint}\n`,
    }
  }
  const r = result.response
  const lines = [`HTTP/${r.httpVersion} ${r.status} ${r.statusText}`]
  for (const [name, value] of r.headers) lines.push(`${name}: ${value}`)
  lines.push('')
  const body =
    r.bodyEncoding === 'base64'
      ? `[binary body, ${size(r.sizes.body)}, ${r.mediaType || 'unknown type'}: use --output json to get it as base64]`
      : r.mediaType.includes('json')
        ? prettyOrAsReceived(r.body)
        : r.body
  lines.push(body)
  const summary = `${r.status} ${r.statusText} · ${Math.round(r.timings.total)} ms · ${size(r.sizes.body)}${
    r.redirects.length ? ` · ${r.redirects.length} redirect(s)` : ''
  }\n`
  return {
    stdout: lines.join('\n') + (body.endsWith('\n') ? '' : '\n'),
    stderr: summary + checksText(result.checks),
  }
}

/** A JSON body indented, or as received when it is not JSON or too deeply nested to indent. */
function prettyOrAsReceived(body: string): string {
  const pretty = formatJsonOrProblem(body)
  return typeof pretty === 'string' ? pretty : body
}

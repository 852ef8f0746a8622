import { XMLBuilder } from 'fast-xml-parser'
import { failuresOf, type RunExecution } from '../../../../shared/model/run'
import { junitSeconds } from './formatUnits'
import { xmlSafe } from './xmlText'

/** What one suite adds to the root's counts. */
export interface SuiteCounts {
  tests: number
  failures: number
  errors: number
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
})

/** `2024-05-01T09:30:00`: the JUnit schema's timestamp (ISO 8601 without a zone; UTC). */
export function junitTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19)
}

/** Builds one element and its children as XML text, indented to sit inside `<testsuites>`. */
export function xmlElement(name: string, content: Record<string, unknown>): string {
  // Built inside a wrapper so the builder indents it one level; the wrapper's lines go.
  const text = builder.build({ testsuites: { [name]: content } }) as string
  return text.slice('<testsuites>\n'.length, text.lastIndexOf('</testsuites>'))
}

/** `name`, then `name (2)`, `name (3)`... for names already used in the suite. */
function uniqueNames(): (name: string) => string {
  const seen = new Map<string, number>()
  return (name) => {
    const n = (seen.get(name) ?? 0) + 1
    seen.set(name, n)
    return n === 1 ? name : `${name} (${n})`
  }
}

/**
 * One `<testsuite>` for one request of one iteration: a `<testcase>` per test or
 * assertion row (a failed one holds `<failure type="AssertionFailure">`), and a testcase
 * with `<error>` for a script that threw (ScriptError) or a request with no response
 * (RequestError). classname is the request's path; every testcase's time is the response
 * time of the request it checks. Messages are in the `message` attribute and, whole, in
 * the element's text (GitLab and dorny/test-reporter read the text, Jenkins and
 * action-junit-report the attribute).
 */
export function junitSuite(
  e: RunExecution,
  suiteName: string,
): { xml: string; counts: SuiteCounts } {
  const classname = xmlSafe(e.item.path)
  const time = junitSeconds(e.response?.timeMs ?? 0)
  const unique = uniqueNames()
  const testcases: Record<string, unknown>[] = []
  const counts: SuiteCounts = { tests: 0, failures: 0, errors: 0 }
  const testcase = (name: string, outcome: Record<string, unknown>) => {
    counts.tests++
    testcases.push({
      '@name': xmlSafe(unique(name)),
      '@classname': classname,
      '@time': time,
      ...outcome,
    })
  }
  const problem = (type: string, message: string, detail = message) => ({
    '@message': xmlSafe(message),
    '@type': type,
    '#text': xmlSafe(detail),
  })
  for (const f of failuresOf(e)) {
    if (f.kind === 'request') {
      counts.errors++
      const detail = `${f.name}: ${f.message}${e.error?.hint ? `\n${e.error.hint}` : ''}\n${e.method} ${e.url}`
      testcase('request sent', { error: problem('RequestError', f.message, detail) })
    } else if (f.kind === 'script') {
      counts.errors++
      const failure = e.checks.scriptFailure
      const event = failure?.event === 'preRequest' ? 'pre-request' : 'post-response'
      testcase(`${event} script (${f.name})`, { error: problem('ScriptError', f.message) })
    }
  }
  for (const t of e.checks.tests) {
    if (t.passed) testcase(t.name, {})
    else {
      counts.failures++
      testcase(t.name, { failure: problem('AssertionFailure', t.error ?? 'failed') })
    }
  }
  const output = e.checks.console.map((c) => c.text).join('\n')
  const xml = xmlElement('testsuite', {
    '@name': xmlSafe(suiteName),
    '@id': e.index,
    '@tests': counts.tests,
    '@failures': counts.failures,
    '@errors': counts.errors,
    '@skipped': 0,
    '@time': time,
    '@timestamp': junitTimestamp(e.startedAt),
    testcase: testcases,
    ...(output === '' ? {} : { 'system-out': xmlSafe(output) }),
  })
  return { xml, counts }
}

import type { Checks } from '../../../../shared/model/assertion'

/** "3/4 passed" and the counts behind it, for the Tests tab's badge and heading. */
export function testSummary(checks: Checks | undefined | null): {
  passed: number
  failed: number
  total: number
  /** The badge: "3/4 passed", "script failed", or '' when nothing ran. */
  badge: string
  /** The badge in words, for the tab's accessible name: "3 of 4 passed", "script failed". */
  spoken: string
  /** The heading: "3 of 4 tests passed". */
  text: string
} {
  const tests = checks?.tests ?? []
  const passed = tests.filter((t) => t.passed).length
  const scriptFailed = checks?.scriptFailure ? 1 : 0
  const failed = tests.length - passed + scriptFailed
  const total = tests.length
  const badge = total > 0 ? `${passed}/${total} passed` : scriptFailed ? 'script failed' : ''
  const spoken = total > 0 ? `${passed} of ${total} passed` : badge
  const text =
    total === 0
      ? scriptFailed
        ? 'No tests ran: the script failed.'
        : 'No tests ran. Add assertions in the Tests tab of the request, or pm.test in a script.'
      : `${passed} of ${total} ${total === 1 ? 'test' : 'tests'} passed`
  return { passed, failed, total, badge, spoken, text }
}

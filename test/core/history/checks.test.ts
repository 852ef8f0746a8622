import { afterEach, describe, expect, it } from 'vitest'
import type { Checks } from '../../../shared/model/assertion'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { context, entry, failed, ok, openStore } from './helpers'

const SECRET = 's3cr3t-token-value'

const passing: Checks = {
  tests: [{ name: 'status equals 200', passed: true, source: 'assertion' }],
  console: [],
  scriptFailure: null,
}
const failing: Checks = {
  tests: [
    { name: 'Status code is 200', passed: true, source: 'request Get user' },
    {
      name: `token is ${SECRET}`,
      passed: false,
      error: `expected "${SECRET}" to equal "x"`,
      source: 'request Get user',
    },
  ],
  console: [{ level: 'log', text: `token: ${SECRET}` }],
  scriptFailure: null,
}

let store: HistoryStore | undefined
afterEach(() => store?.close())

describe('test results in history', () => {
  it('are kept with the entry, secret values as their reference, and counted in the list', () => {
    ;({ store } = openStore())
    const secretContext = context({ secretNames: ['token'] })
    const kept = store.append(
      entry({
        context: secretContext,
        variables: { token: SECRET },
        result: { ...ok(), checks: failing },
      }),
    )
    expect(kept).toMatchObject({ testsTotal: 2, testsFailed: 1 })
    const again = store.get(kept.id)
    expect(again.checks?.tests.map((t) => t.passed)).toEqual([true, false])
    expect(JSON.stringify(again.checks)).not.toContain(SECRET)
    expect(again.checks?.console[0]?.text).toBe('token: {{token}}')
    expect(store.list().entries[0]).toMatchObject({ testsTotal: 2, testsFailed: 1 })
  })

  it('count a script that failed as one failed test, also when nothing was sent', () => {
    ;({ store } = openStore())
    const checks: Checks = {
      tests: [],
      console: [],
      scriptFailure: {
        script: 'request Login',
        event: 'preRequest',
        message: 'x is not defined',
        line: 3,
      },
    }
    const kept = store.append(entry({ result: { ...failed(), checks } }))
    expect(kept).toMatchObject({ testsTotal: 1, testsFailed: 1 })
    expect(store.get(kept.id).checks?.scriptFailure).toMatchObject({ line: 3, event: 'preRequest' })
  })

  it('can be filtered to the sends whose tests failed', () => {
    ;({ store } = openStore())
    const none = store.append(entry({ at: 1 }))
    const passed = store.append(entry({ at: 2, result: { ...ok(), checks: passing } }))
    const bad = store.append(entry({ at: 3, result: { ...ok(), checks: failing } }))
    expect(none).toMatchObject({ testsTotal: null, testsFailed: null })
    expect(passed).toMatchObject({ testsTotal: 1, testsFailed: 0 })
    expect(store.list({ failedTests: true }).entries.map((e) => e.id)).toEqual([bad.id])
    expect(store.list().entries.map((e) => e.id)).toEqual([bad.id, passed.id, none.id])
  })
})

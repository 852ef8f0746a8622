import { afterAll, describe, expect, it } from 'vitest'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import { logged, run } from './harness'

// The kernel parses the request and the variables when a script first reads them, not
// before every script: what a script reads must not depend on what it did first.
describe('the request and variables, read on first use', () => {
  const runner = createInlineScriptRunner()
  afterAll(() => runner.close())

  it('are read whole by a script that replaced the built-ins they would be made with', async () => {
    const result = await run(
      runner,
      `Array.prototype.forEach = () => {}; Object.create = () => ({}); JSON.parse = () => ({})
console.log(pm.environment.get('id'), pm.iterationData.get('user'), pm.variables.get('local'))
console.log(pm.request.url.toString(), pm.request.method)`,
      {
        variables: {
          environment: { id: '7' },
          iterationData: { user: 'ann' },
          local: { local: 'l' },
        },
      },
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['7 ann l', 'https://api.example.com/users/7?expand=roles GET'])
  })

  it('carry a value with \\x01 in it, and changes made before a later read', async () => {
    const result = await run(
      runner,
      [
        `pm.environment.set('after', pm.environment.get('odd') + '!')`,
        `console.log(JSON.stringify(pm.environment.get('after')), pm.request.headers.get('X-Odd'))`,
      ],
      {
        variables: { environment: { odd: 'a\u0001b' } },
        request: { headers: [['X-Odd', 'c\u0001d']] },
      },
    )
    expect(logged(result)).toEqual([`${JSON.stringify('a\u0001b!')} c\u0001d`])
  })
})

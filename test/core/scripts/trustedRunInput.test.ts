import { afterAll, describe, expect, it } from 'vitest'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import { inputOf, logged } from './harness'

// The in-thread runner takes its typed caller's input as it is (no field-by-field copy), but
// what keeps a script in bounds is checked whoever the caller is.
describe('the in-thread runner and its trusted input', () => {
  const runner = createInlineScriptRunner()
  afterAll(() => runner.close())

  it('refuses limits out of range, too many scripts and a mismatched event, naming them', async () => {
    await expect(runner.run(inputOf([''], { limits: { cpuMs: -1 } }))).rejects.toThrow(
      'input.limits.cpuMs must be a whole number from 1 to 86400000',
    )
    await expect(
      runner.run(inputOf([''], { limits: { memoryBytes: Number.NaN } })),
    ).rejects.toThrow('input.limits.memoryBytes must be a whole number')
    await expect(runner.run(inputOf(Array.from({ length: 101 }, () => '')))).rejects.toThrow(
      'input.scripts must be a list of at most 100 items',
    )
    await expect(runner.run(inputOf([''], { info: { eventName: 'prerequest' } }))).rejects.toThrow(
      'input.info.eventName must match input.event ("test")',
    )
  })

  it('runs a typed input as given, a variable named __proto__ included', async () => {
    const environment = JSON.parse('{"__proto__":"kept","id":"7"}') as Record<string, string>
    const result = await runner.run(
      inputOf([`console.log(pm.environment.get('__proto__'), pm.environment.get('id'))`], {
        variables: { environment },
      }),
    )
    expect(logged(result)).toEqual(['kept 7'])
    expect(result.variables.environment).toEqual(environment)
  })
})

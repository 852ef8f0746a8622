import { afterAll, describe, expect, it } from 'vitest'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import { JSON_RESPONSE, logged, run } from './harness'

// The response's body goes to the kernel beside the run's JSON rather than inside it; the
// memory check still counts the input as the JSON it was, the body escaped into it.
describe('the response body handed to a script', () => {
  const runner = createInlineScriptRunner()
  afterAll(() => runner.close())
  const limits = { memoryBytes: 16 * 1024 * 1024 }
  const withBody = (body: string) => ({ response: { ...JSON_RESPONSE, body, size: body.length } })

  it('arrives whole: a big body, one with NUL and one with a lone surrogate', async () => {
    for (const body of ['a'.repeat(3_000_000), 'x\0y', 'x\ud800y', '{"é":"😀"}']) {
      const result = await run(
        runner,
        `console.log(String(pm.response.text().length)); pm.environment.set('same', pm.response.text() === ${JSON.stringify(body.length > 100 ? '' : body)} || pm.response.text().length > 100)`,
        { ...withBody(body), limits },
      )
      expect(result.error).toBeUndefined()
      expect(logged(result)).toEqual([String(body.length)])
      expect(result.variables.environment.same).toBe('true')
    }
  })

  it('is refused when, escaped into JSON, it would not fit the memory limit, however few bytes it has raw', async () => {
    // 3 MB raw, 18 MB as JSON (each \u0001 escaped to six bytes): past 16 MB / 3.
    const result = await run(runner, `console.log('ran')`, {
      ...withBody('\u0001'.repeat(3_000_000)),
      limits,
    })
    expect(logged(result)).toEqual([])
    expect(result.error).toMatchObject({ limit: 'memory' })
    expect(result.error?.message).toMatch(
      /^The data given to the script \(17\.\d MB, mostly the response body\) is too big for its 16 MB memory limit\.$/,
    )
  })
})

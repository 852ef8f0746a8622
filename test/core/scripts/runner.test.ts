import { describe, expect, it } from 'vitest'
import { createScriptRunner } from '../../../electron/core/scripts/scriptRunner'
import { fileRunner, inputOf, logged, run } from './harness'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)

describe('the script runner', () => {
  const runner = fileRunner()

  it('runs overlapping runs independently, each with its own variables', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        run(
          runner,
          `await new Promise((r) => setTimeout(r, ${(6 - i) * 5}))
           pm.environment.set('mine', pm.environment.get('id'))
           console.log(pm.info.iteration)`,
          { variables: { environment: { id: `run-${i}` } }, info: { iteration: i } },
        ),
      ),
    )
    results.forEach((result, i) => {
      expect(result.variables.environment.mine).toBe(`run-${i}`)
      expect(logged(result)).toEqual([String(i)])
    })
  })

  it('starts each script from a fresh context: globals and prototype changes do not carry over', async () => {
    const first = await run(runner, [
      `globalThis.leak = 1; Object.prototype.polluted = true; Array.prototype.push = () => 0; var top = 'x'`,
      `console.log(typeof leak, ({}).polluted, [].push(1), typeof top)`,
    ])
    expect(logged(first)).toEqual(['undefined undefined 1 undefined'])
    const next = await run(runner, `console.log(typeof leak, ({}).polluted)`)
    expect(logged(next)).toEqual(['undefined undefined'])
  })

  it('runs nothing for no scripts', async () => {
    const result = await runner.run(inputOf([]))
    expect(result).toMatchObject({ tests: [], console: [], skipRequest: false })
    expect(result.error).toBeUndefined()
  })

  it('says pm.sendRequest is not available when it was given no way to send', async () => {
    const result = await run(
      runner,
      `try { await pm.sendRequest('http://127.0.0.1/') } catch (e) { console.log(e.message) }`,
    )
    expect(logged(result)).toEqual([
      'pm.sendRequest is not available here: this runner sends no requests.',
    ])
  })

  it('refuses to run once closed', async () => {
    const closed = createScriptRunner()
    await closed.close()
    await expect(closed.run(inputOf(['']))).rejects.toThrow('The script runner was closed.')
  })
})

describe('a worker that stops answering', () => {
  it('is given up at the deadline: the run ends with a time error, and a new worker takes the next', async () => {
    const runner = createScriptRunner({
      entry: fixture('silentWorker.mjs'),
      limits: { timeMs: 200, cpuMs: 100 },
    })
    try {
      const [first, second] = await Promise.all([
        runner.run(inputOf(['while (true) {}'])),
        runner.run(inputOf(['pm.test("x", () => {})'])),
      ])
      for (const result of [first, second]) {
        expect(result.error).toMatchObject({ script: 'script 1', limit: 'time' })
        expect(result.error?.message).toMatch(
          /did not finish within their time limit .* the sandbox was restarted/,
        )
      }
      const third = await runner.run(inputOf(['']))
      expect(third.error?.limit).toBe('time')
    } finally {
      await runner.close()
    }
  })

  it('that exits ends its runs with an error saying so', async () => {
    const runner = createScriptRunner({ entry: fixture('exitingWorker.mjs') })
    try {
      const result = await runner.run(inputOf(['pm.test("x", () => {})']))
      expect(result.error?.message).toBe(
        'The script sandbox stopped (exit code 3). Run the scripts again.',
      )
      expect(result.tests).toEqual([])
    } finally {
      await runner.close()
    }
  })
})

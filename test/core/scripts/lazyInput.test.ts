import { afterAll, describe, expect, it } from 'vitest'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import { JSON_RESPONSE, logged, run } from './harness'

// The kernel parses the request, the variables, the response and the run's data (pm.info,
// pm.execution.location) when a script first reads them, not before every script: what a
// script reads must not depend on what it did first.
describe('the script input, read on first use', () => {
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

  it('gives the response and the run data whole to a script that replaced built-ins first', async () => {
    const result = await run(
      runner,
      `Array.prototype.slice = () => []; Object.freeze = (o) => ({}); Object.defineProperty = () => ({})
JSON.parse = () => ({}); String.prototype.split = () => []
console.log(pm.info.iteration, pm.info.requestName, pm.info.eventName, [...pm.execution.location].join('/'))
console.log(pm.execution.location.current, pm.environment.name, pm.response.code, pm.response.text().length)`,
      {
        info: {
          iteration: 2,
          requestName: 'Get user',
          location: ['Shop', 'Users', 'Get user'],
          environmentName: 'staging',
        },
      },
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual([
      '2 Get user test Shop/Users/Get user',
      `Get user staging 200 ${JSON_RESPONSE.body.length}`,
    ])
  })

  it('gives each script of a run its own response and event, not the last one parsed', async () => {
    const first = await run(runner, `console.log(pm.response.code, pm.info.iteration)`, {
      response: { ...JSON_RESPONSE, code: 201 },
      info: { iteration: 0 },
    })
    const second = await run(runner, `console.log(pm.response.code, pm.info.iteration)`, {
      response: { ...JSON_RESPONSE, code: 404 },
      info: { iteration: 1 },
    })
    const before = await run(runner, `console.log(String(pm.response), pm.info.eventName)`, {
      event: 'prerequest',
    })
    expect([logged(first), logged(second), logged(before)]).toEqual([
      ['201 0'],
      ['404 1'],
      ['undefined prerequest'],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { fileRunner, logged, run } from './harness'

const runner = fileRunner()

describe('scripts imported from Insomnia', () => {
  it('run as written: insomnia.* is the same API as pm.*', async () => {
    const result = await run(
      runner,
      `insomnia.test('status is 200', () => insomnia.expect(insomnia.response.code).to.eql(200))
       insomnia.environment.set('seen', 'yes')
       console.log(insomnia === pm, insomnia.environment.get('seen'))`,
    )
    expect(result.tests).toEqual([{ name: 'status is 200', passed: true }])
    expect(logged(result)).toEqual(['true yes'])
    expect(result.variables.environment).toMatchObject({ seen: 'yes' })
  })
})

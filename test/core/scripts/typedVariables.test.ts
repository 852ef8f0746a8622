import { describe, expect, it } from 'vitest'
import { fileRunner, logged, run } from './harness'

// Values kept with their JSON type (TypedValues): a run hands them to the next scripts,
// which read them as set; their text is what {{name}} uses.
describe('typed variables', () => {
  const runner = fileRunner()

  it('reads a typed value with its type while its text is still its JSON; text changed since wins', async () => {
    const result = await run(
      runner,
      `console.log(JSON.stringify([pm.environment.get('n'), pm.iterationData.get('user'), pm.globals.get('stale')]))`,
      {
        variables: {
          environment: { n: '5' },
          iterationData: { user: '{"name":"Ada"}' },
          globals: { stale: 'edited as text' },
          typed: {
            environment: { n: 5 },
            iterationData: { user: { name: 'Ada' } },
            globals: { stale: 1 },
          },
        },
      },
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['[5,{"name":"Ada"},"edited as text"]'])
  })

  it('gives back what scripts set that is not text, beside its text', async () => {
    const result = await run(
      runner,
      `pm.environment.set('n', 7); pm.collectionVariables.set('o', { a: [1] }); pm.globals.set('s', 'text')
pm.variables.set('f', false); pm.environment.set('__proto__', 1)`,
    )
    expect(result.error).toBeUndefined()
    expect(result.variables.environment).toMatchObject({ n: '7' })
    expect(result.variables.collection).toEqual({ o: '{"a":[1]}' })
    expect(result.variables.typed?.environment?.n).toBe(7)
    expect(Object.hasOwn(result.variables.typed!.environment!, '__proto__')).toBe(true)
    expect(result.variables.typed?.collection).toEqual({ o: { a: [1] } })
    expect(result.variables.typed?.local).toEqual({ f: false })
    expect(result.variables.typed?.globals).toBeUndefined()
  })

  it('refuses typed values that are not JSON data, naming the field', async () => {
    let deep: unknown = 1
    for (let i = 0; i < 120; i++) deep = [deep]
    await expect(
      run(runner, '1', {
        variables: { environment: { d: 'x' }, typed: { environment: { d: deep } } },
      }),
    ).rejects.toThrow(
      /input\.variables\.typed\.environment\.d.* must be JSON data nested at most 100 deep/,
    )
  })
})

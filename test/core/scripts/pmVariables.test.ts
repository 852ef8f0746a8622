import { describe, expect, it } from 'vitest'
import { fileRunner, logged, run } from './harness'

const runner = fileRunner()

const variables = {
  local: { shared: 'local' },
  iterationData: { shared: 'data', row: '3' },
  environment: { shared: 'env', baseUrl: 'https://api.example.com', token: 'e-token' },
  collection: { shared: 'collection', page: '1' },
  globals: { shared: 'global', onlyGlobal: 'g' },
}

describe('variables', () => {
  it('resolves pm.variables.get as Postman does: local, data, environment, collection, globals', async () => {
    const result = await run(
      runner,
      `console.log(pm.variables.get('shared'))
       pm.variables.unset('shared')
       console.log(pm.variables.get('shared'), pm.variables.get('onlyGlobal'), pm.variables.get('page'))
       console.log(pm.environment.get('shared'), pm.globals.get('shared'), pm.collectionVariables.get('shared'), pm.iterationData.get('row'))
       console.log(pm.variables.has('onlyGlobal'), pm.environment.has('onlyGlobal'), pm.variables.get('missing'))`,
      { variables },
    )
    expect(logged(result)).toEqual([
      'local',
      'data g 1',
      'env global collection 3',
      'true false undefined',
    ])
  })

  it('reports every set and unset per scope, in order, and the scopes after them', async () => {
    const result = await run(
      runner,
      `pm.environment.set('token', pm.response.json().token)
       pm.environment.unset('baseUrl')
       pm.globals.set('count', 2)
       pm.collectionVariables.set('user', { id: 7 })
       pm.variables.set('flag', true)
       pm.environment.unset('never-there')`,
      { variables },
    )
    expect(result.changes).toEqual({
      local: [{ op: 'set', key: 'flag', value: 'true' }],
      iterationData: [],
      environment: [
        { op: 'set', key: 'token', value: 'tok-1' },
        { op: 'unset', key: 'baseUrl' },
      ],
      collection: [{ op: 'set', key: 'user', value: '{"id":7}' }],
      globals: [{ op: 'set', key: 'count', value: '2' }],
    })
    expect(result.variables.environment).toEqual({ shared: 'env', token: 'tok-1' })
    expect(result.variables.globals).toEqual({ shared: 'global', onlyGlobal: 'g', count: '2' })
  })

  it('keeps the type a value was set with from one script to the next, and writes strings out', async () => {
    const result = await run(
      runner,
      [
        `pm.environment.set('n', 41); pm.globals.set('list', [1, 'a', null]); pm.variables.set('gone', undefined)`,
        `console.log(pm.environment.get('n') + 1, JSON.stringify(pm.globals.get('list')), pm.variables.has('gone'), typeof pm.variables.get('gone'))`,
      ],
      { variables },
    )
    expect(logged(result)).toEqual(['42 [1,"a",null] true undefined'])
    expect(result.variables.environment.n).toBe('41')
    expect(result.variables.globals.list).toBe('[1,"a",null]')
    expect(result.variables.local.gone).toBe('')
  })

  it('gives copies of objects, so changing one does not change the variable', async () => {
    const result = await run(
      runner,
      `pm.environment.set('o', { a: 1 }); pm.environment.get('o').a = 2; console.log(pm.environment.get('o').a)`,
    )
    expect(logged(result)).toEqual(['1'])
  })

  it('turns the values into objects with toObject, and clears a scope', async () => {
    const result = await run(
      runner,
      `console.log(JSON.stringify(pm.environment.toObject()))
       console.log(pm.variables.toObject().shared, Object.keys(pm.variables.toObject()).length)
       pm.globals.clear()`,
      { variables },
    )
    expect(logged(result)).toEqual([JSON.stringify(variables.environment), 'local 6'])
    expect(result.variables.globals).toEqual({})
    expect(result.changes.globals).toEqual([
      { op: 'unset', key: 'shared' },
      { op: 'unset', key: 'onlyGlobal' },
    ])
  })

  it("gives a scope as Postman's toJSON does, so JSON.stringify(pm.environment) shows its values", async () => {
    const result = await run(
      runner,
      `pm.iterationData.toJSON()
       console.log(JSON.stringify(pm.environment))
       console.log(JSON.stringify(pm.iterationData.toJSON()))`,
      { variables: { environment: { baseUrl: 'http://x' }, iterationData: { user: 'ann' } } },
    )
    expect(logged(result)).toEqual([
      '{"values":[{"type":"any","value":"http://x","key":"baseUrl"}]}',
      '{"values":[{"type":"any","value":"ann","key":"user"}]}',
    ])
  })

  it('replaces {{names}} in text, leaving unknown ones, with dynamic values', async () => {
    const result = await run(
      runner,
      `console.log(pm.variables.replaceIn('{{baseUrl}}/p/{{ page }}?t={{token}}&x={{nope}}'))
       console.log(pm.environment.replaceIn('{{shared}} {{page}}'))
       const guid = pm.variables.replaceIn('{{$guid}}'), ts = pm.variables.replaceIn('{{$timestamp}}')
       console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(guid), /^\\d{10}$/.test(ts))`,
      { variables },
    )
    expect(logged(result)).toEqual([
      'https://api.example.com/p/1?t=e-token&x={{nope}}',
      'env {{page}}',
      'true true',
    ])
  })

  it('gives each script its own random numbers', async () => {
    const first = await run(
      runner,
      `console.log(pm.variables.replaceIn('{{$guid}}'), Math.random())`,
    )
    const second = await run(
      runner,
      `console.log(pm.variables.replaceIn('{{$guid}}'), Math.random())`,
    )
    expect(logged(first)[0]).not.toBe(logged(second)[0])
  })

  it('supports the legacy postman.* and environment/globals/data objects', async () => {
    const result = await run(
      runner,
      `postman.setEnvironmentVariable('a', '1')
       postman.setGlobalVariable('b', '2')
       console.log(postman.getEnvironmentVariable('a'), postman.getGlobalVariable('b'), environment.token, globals.onlyGlobal, data.row)
       postman.clearEnvironmentVariable('a')
       postman.clearGlobalVariables()
       console.log(pm.globals.has('b'), pm.globals.has('onlyGlobal'))`,
      { variables },
    )
    expect(logged(result)).toEqual(['1 2 e-token g 3', 'false false'])
    expect(result.changes.environment).toEqual([
      { op: 'set', key: 'a', value: '1' },
      { op: 'unset', key: 'a' },
    ])
  })

  it("gives the legacy request global: the request as plain data, headers by lower-case name, the body's text as data", async () => {
    const result = await run(runner, `console.log(JSON.stringify(request))`, {
      event: 'prerequest',
      request: {
        method: 'POST',
        url: '{{baseUrl}}/orders',
        headers: [
          ['X-Trace', 'a'],
          ['x-trace', 'b'],
          ['Content-Type', 'application/json'],
        ],
        body: '{"id":"{{id}}"}',
      },
      info: { requestId: 'req-1' },
    })
    expect(JSON.parse(logged(result)[0]!)).toEqual({
      id: 'req-1',
      name: 'Get user',
      headers: { 'x-trace': ['a', 'b'], 'content-type': 'application/json' },
      method: 'POST',
      url: '{{baseUrl}}/orders',
      data: '{"id":"{{id}}"}',
    })
    const bodiless = await run(runner, `console.log(JSON.stringify(request.data))`)
    expect(logged(bodiless)).toEqual(['{}'])
  })

  it('names the active environment as pm.environment.name, and nothing when none is active', async () => {
    const named = await run(runner, `console.log(pm.environment.name)`, {
      info: { environmentName: 'Staging' },
    })
    expect(logged(named)).toEqual(['Staging'])
    const none = await run(runner, `console.log(typeof pm.environment.name)`)
    expect(logged(none)).toEqual(['undefined'])
  })

  it('refuses a value no variable can keep, naming the variable', async () => {
    const result = await run(runner, `pm.environment.set('handler', function () {})`)
    expect(result.error?.message).toBe(
      'TypeError: pm.environment.set("handler"): a function cannot be kept in a variable; keep a string, a number, a boolean or JSON data',
    )
    const circular = await run(runner, `const o = {}; o.o = o; pm.globals.set('loop', o)`)
    expect(circular.error?.message).toMatch(
      /^TypeError: pm\.globals\.set\("loop"\): the value cannot be kept in a variable \(/,
    )
    const big = await run(runner, `pm.variables.set('big', 10n)`)
    expect(big.error?.message).toMatch(/a bigint cannot be kept in a variable/)
  })
})

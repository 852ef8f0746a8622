import { describe, expect, it } from 'vitest'
import { fileRunner, run } from './harness'

const runner = fileRunner()

describe('pm.test', () => {
  it('records each test in order with its result and why it failed', async () => {
    const result = await run(
      runner,
      `pm.test('passes', function () {})
       pm.test('throws', function () { throw new TypeError('bad thing') })
       pm.test('asserts', function () { pm.expect(1).to.equal(2) })`,
    )
    expect(result.tests).toEqual([
      { name: 'passes', passed: true },
      { name: 'throws', passed: false, error: 'TypeError: bad thing' },
      { name: 'asserts', passed: false, error: 'expected 1 to equal 2' },
    ])
    expect(result.error).toBeUndefined()
  })

  it('waits for async tests and promise-returning tests, keeping their place in the list', async () => {
    const result = await run(
      runner,
      `pm.test('async fails later', async () => {
         await new Promise((resolve) => setTimeout(resolve, 5))
         pm.expect('a').to.equal('b')
       })
       pm.test('sync', () => {})
       pm.test('promise', () => Promise.resolve(1).then((v) => pm.expect(v).to.equal(1)))`,
    )
    expect(result.tests).toEqual([
      { name: 'async fails later', passed: false, error: "expected 'a' to equal 'b'" },
      { name: 'sync', passed: true },
      { name: 'promise', passed: true },
    ])
  })

  it('supports the done callback: passing, failing with an error, and never called', async () => {
    const result = await run(
      runner,
      `pm.test('done later', (done) => { setTimeout(done, 1) })
       pm.test('done with error', (done) => { done(new Error('nope')) })
       pm.test('never done', (done) => {})`,
    )
    expect(result.tests[0]).toEqual({ name: 'done later', passed: true })
    expect(result.tests[1]).toEqual({
      name: 'done with error',
      passed: false,
      error: 'Error: nope',
    })
    expect(result.tests[2]?.passed).toBe(false)
    expect(result.tests[2]?.error).toMatch(/did not finish/)
  })

  it('keeps tests started inside another test in order, each with its own result', async () => {
    const result = await run(
      runner,
      `pm.test('outer', () => {
         pm.test('inner fails', () => { throw new Error('inner') })
         pm.test.skip('inner skipped', () => {})
       })
       pm.test('after', () => {})`,
    )
    expect(result.tests).toEqual([
      { name: 'outer', passed: true },
      { name: 'inner fails', passed: false, error: 'Error: inner' },
      { name: 'inner skipped', passed: true, skipped: true },
      { name: 'after', passed: true },
    ])
  })

  it('lists a test whose function the CPU limit stopped, as not finished', async () => {
    const result = await run(
      runner,
      `pm.test('before', () => {})
       pm.test('spins', () => { for (;;) {} })
       pm.test('never reached', () => {})`,
      { limits: { cpuMs: 200 } },
    )
    expect(result.error).toMatchObject({ limit: 'cpu' })
    expect(result.tests).toEqual([
      { name: 'before', passed: true },
      {
        name: 'spins',
        passed: false,
        error: 'The test did not finish: its promise never settled, or it never called done().',
      },
    ])
  })

  it('lists a test whose function ran out of memory, as not finished', async () => {
    const result = await run(
      runner,
      `pm.test('hoards', () => { const a = []; for (;;) a.push('x'.repeat(1000) + a.length) })`,
      { limits: { memoryBytes: 16 * 1024 * 1024, cpuMs: 5000 } },
    )
    expect(result.error).toMatchObject({ limit: 'memory' })
    expect(result.tests).toMatchObject([{ name: 'hoards', passed: false }])
  })

  it('marks pm.test.skip tests as skipped, not run', async () => {
    const result = await run(runner, `pm.test.skip('later', () => { throw new Error('ran') })`)
    expect(result.tests).toEqual([{ name: 'later', passed: true, skipped: true }])
  })

  it('reports the legacy tests["name"] = boolean of old collections after pm.test ones', async () => {
    const result = await run(
      runner,
      `tests["Status code is 200"] = responseCode.code === 200
       tests["Body has token"] = responseBody.indexOf("nothing") >= 0
       pm.test('modern', () => {})`,
    )
    expect(result.tests).toEqual([
      { name: 'modern', passed: true },
      { name: 'Status code is 200', passed: true },
      { name: 'Body has token', passed: false, error: 'tests["Body has token"] is false' },
    ])
  })
})

describe('pm.expect (chai BDD)', () => {
  it('runs chai assertions with chai messages', async () => {
    const result = await run(
      runner,
      `const body = pm.response.json()
       pm.test('a', () => pm.expect(body.user).to.have.property('name', 'Jane'))
       pm.test('b', () => pm.expect(body.items).to.be.an('array').that.includes(2).and.has.lengthOf(3))
       pm.test('c', () => pm.expect(body).to.deep.include({ value: 100 }))
       pm.test('d', () => pm.expect(body.value).to.be.above(100))
       pm.test('e', () => pm.expect(body.user).to.eql({ id: 7, name: 'June' }))
       pm.test('f', () => pm.expect(body.token).to.be.a('string').and.match(/^tok-/))
       pm.test('g', () => pm.expect(body.value).to.be.oneOf([1, 2]))
       pm.test('h', () => pm.expect(() => { throw new Error('x') }).to.throw('x'))
       pm.test('i', () => pm.expect.fail('on purpose'))`,
    )
    expect(result.tests.map((t) => [t.name, t.passed, t.error])).toEqual([
      ['a', true, undefined],
      ['b', true, undefined],
      ['c', true, undefined],
      ['d', false, 'expected 100 to be above 100'],
      ['e', false, "expected { id: 7, name: 'Jane' } to deeply equal { id: 7, name: 'June' }"],
      ['f', true, undefined],
      ['g', false, 'expected 100 to be one of [ 1, 2 ]'],
      ['h', true, undefined],
      ['i', false, 'on purpose'],
    ])
  })

  it('names a chain word chai does not know', async () => {
    const result = await run(runner, `pm.test('typo', () => pm.expect(1).to.be.eqaul(1))`)
    expect(result.tests[0]?.error).toMatch(/Invalid Chai property: eqaul/)
  })

  it('checks a response through chai as Postman does', async () => {
    const result = await run(
      runner,
      `pm.test('s', () => pm.expect(pm.response).to.have.status(200))
       pm.test('ok', () => pm.expect(pm.response).to.be.ok)
       pm.test('plain ok keeps its meaning', () => pm.expect(0).to.be.ok)
       pm.test('header', () => pm.expect(pm.response).to.have.header('X-Trace'))`,
    )
    expect(result.tests.map((t) => [t.passed, t.error])).toEqual([
      [true, undefined],
      [true, undefined],
      [false, 'expected +0 to be truthy'],
      [true, undefined],
    ])
  })
})

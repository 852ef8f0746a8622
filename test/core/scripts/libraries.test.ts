import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InstancePool } from '../../../electron/core/scripts/instancePool'
import { librariesNamed } from '../../../electron/core/scripts/libraryHint'
import { DEFAULT_SCRIPT_LIMITS } from '../../../electron/core/scripts/scriptTypes'
import { fileRunner, logged, run, runOn } from './harness'

const runner = fileRunner()
const { memoryBytes: MEMORY, stackBytes: STACK } = DEFAULT_SCRIPT_LIMITS

// Postman's sandbox lends scripts lodash, crypto-js and moment; real collections sign
// requests with CryptoJS and reach into bodies with `_.get`. Each runs inside QuickJS.
describe('the libraries of Postman sandbox', () => {
  it('lodash: the global _ and require("lodash") are the same lodash', async () => {
    const result = await run(
      runner,
      `const lodash = require('lodash')
console.log(lodash === _, _.get(pm.response.json(), 'user.name'), _.chunk([1, 2, 3], 2).length)
pm.test('sum', () => pm.expect(_.sum(pm.response.json().items)).to.equal(6))`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['true Jane 2'])
    expect(result.tests).toEqual([{ name: 'sum', passed: true }])
  })

  it('crypto-js: hashes and HMACs as Node computes them, and random words for nonces', async () => {
    const result = await run(
      runner,
      `console.log(CryptoJS.HmacSHA256('GET /users', 'secret').toString())
console.log(CryptoJS.MD5('abc').toString(), CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('jane:s3cret')))
const a = CryptoJS.lib.WordArray.random(16), b = require('crypto-js').lib.WordArray.random(16)
console.log(a.sigBytes, a.toString() !== b.toString(), typeof crypto)
console.log(CryptoJS.AES.decrypt(CryptoJS.AES.encrypt('payload', 'pass').toString(), 'pass').toString(CryptoJS.enc.Utf8))`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual([
      createHmac('sha256', 'secret').update('GET /users').digest('hex'),
      `${createHash('md5').update('abc').digest('hex')} ${Buffer.from('jane:s3cret').toString('base64')}`,
      // The crypto it is lent while it loads does not stay as a global of the script.
      '16 true undefined',
      'payload',
    ])
  })

  it('moment: parses, formats and adds as moment does', async () => {
    const result = await run(
      runner,
      `const moment = require('moment')
console.log(moment.utc('2024-02-28T10:00:00Z').add(1, 'day').format('YYYY-MM-DD dddd'), moment().isValid())`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['2024-02-29 Thursday true'])
  })

  it("uuid: Postman's require('uuid'), a function for version 4 UUIDs, also as its v4", async () => {
    const result = await run(
      runner,
      `const uuid = require('uuid'); const a = uuid(), b = uuid.v4()
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a), a !== b, b.length)`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['true true 36'])
  })

  it("chai: require('chai') is the chai behind pm.expect", async () => {
    const result = await run(
      runner,
      `const { expect } = require('chai')
pm.test('by require', () => expect(pm.response.json().items).to.have.lengthOf(3))
pm.test('fails', () => expect(1).to.equal(2))`,
    )
    expect(result.tests).toMatchObject([
      { name: 'by require', passed: true },
      { name: 'fails', passed: false, error: 'expected 1 to equal 2' },
    ])
  })

  it("require('atob') and require('btoa') are the globals, as Postman's are", async () => {
    const result = await run(
      runner,
      `const atob2 = require('atob'), btoa2 = require('btoa')
console.log(btoa2('jane:s3cret'), atob2('amFuZTpzM2NyZXQ='), atob2 === atob, btoa2 === btoa)`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual([
      `${Buffer.from('jane:s3cret').toString('base64')} jane:s3cret true true`,
    ])
  })

  it('a script may reuse the names for its own values', async () => {
    const result = await run(runner, `_ = 'mine'; var CryptoJS = 2; console.log(_, CryptoJS)`)
    expect(logged(result)).toEqual(['mine 2'])
  })

  it('loads a library a script reaches without naming it', async () => {
    const result = await run(
      runner,
      `console.log(require(['lo', 'dash'].join('')).kebabCase('Hello World'))`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['hello-world'])
  })
})

describe('libraries in the pristine state', () => {
  it('reads which libraries a script names', () => {
    expect(librariesNamed(`const x = _.get(a, 'b'); _(list).map(f)`)).toEqual(['lodash'])
    expect(librariesNamed(`CryptoJS.HmacSHA256(m, k); require('moment')`)).toEqual([
      'crypto-js',
      'moment',
    ])
    expect(librariesNamed(`const my_var = 1; pm.test('a_b', () => {})`)).toEqual([])
  })

  it('compiles a named library into the instance once, and nothing a script does to it lasts', async () => {
    const pool = new InstancePool()
    const first = await runOn(pool, `_.polluted = true; console.log(_.isEqual({ a: 1 }, { a: 1 }))`)
    expect(logged(first)).toEqual(['true'])
    const instance = await pool.take(MEMORY, STACK)
    expect([instance.keeps('lodash'), instance.keeps('moment')]).toEqual([true, false])
    pool.give(instance)
    const after = await runOn(pool, `console.log(typeof _.polluted, _.camelCase('a b'))`)
    expect(logged(after)).toEqual(['undefined aB'])
  })

  it('compiles the libraries a run names before its first script', async () => {
    const pool = new InstancePool()
    pool.expectScripts([`pm.test('t', () => {})`, `const m = require('moment')`])
    const instance = await pool.take(MEMORY, STACK)
    expect([instance.keeps('moment'), instance.keeps('lodash')]).toEqual([true, false])
    pool.give(instance)
  })
})

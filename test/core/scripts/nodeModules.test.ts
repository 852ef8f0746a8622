import { describe, expect, it } from 'vitest'
import { InstancePool } from '../../../electron/core/scripts/instancePool'
import { librariesNamed } from '../../../electron/core/scripts/libraryHint'
import { VENDORED_FILES } from '../../../electron/core/scripts/sandbox/libraries'
import { DEFAULT_SCRIPT_LIMITS } from '../../../electron/core/scripts/scriptTypes'
import { fileRunner, logged, run, runOn } from './harness'

const runner = fileRunner()
const { memoryBytes: MEMORY, stackBytes: STACK } = DEFAULT_SCRIPT_LIMITS

// Postman's sandbox lends Node's built-in modules (as browser shims), xml2js, cheerio and
// csv-parse; collections build Basic auth headers with Buffer and scrape CSRF tokens with
// cheerio. Each runs inside QuickJS (vendor/sandbox-libraries).
describe("Node's modules and the other libraries of Postman's sandbox", () => {
  it('Buffer, as a global and as require("buffer").Buffer, builds a Basic auth header in a pre-request script', async () => {
    const result = await run(
      runner,
      `const token = Buffer.from(pm.environment.get('user') + ':' + pm.environment.get('pass')).toString('base64')
pm.request.headers.add({ key: 'Authorization', value: 'Basic ' + token })
console.log(require('buffer').Buffer === Buffer, Buffer.from(token, 'base64').toString(), Buffer.from('hé').toString('hex'))`,
      { event: 'prerequest', variables: { environment: { user: 'jane', pass: 's3cret' } } },
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['true jane:s3cret 68c3a9'])
    expect(result.request.headers).toContainEqual([
      'Authorization',
      `Basic ${Buffer.from('jane:s3cret').toString('base64')}`,
    ])
  })

  it('url, querystring, util, path, events, string_decoder and assert behave as Node’s', async () => {
    const result = await run(
      runner,
      `const url = require('url'), qs = require('querystring'), util = require('util'), path = require('path')
console.log(JSON.stringify(url.parse(pm.request.url.toString(), true).query), url.resolve('https://a.example/x/y', '../z'))
console.log(qs.stringify({ q: 'a b', n: [1, 2] }), util.format('%s=%d', 'n', 7), path.join('/a', 'b', '../c'))
const EventEmitter = require('events'), e = new EventEmitter(); let got
e.on('x', (v) => { got = v }); e.emit('x', 5)
const d = new (require('string_decoder').StringDecoder)('utf8')
console.log(got, d.write(Buffer.from([0xe2, 0x82])) + d.end(Buffer.from([0xac])))
try { require('assert').deepStrictEqual({ a: 1 }, { a: 2 }) } catch (err) { console.log(err.name, err.code) }`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual([
      '{"expand":"roles"} https://a.example/z',
      'q=a%20b&n=1&n=2 n=7 /a/c',
      '5 €',
      'AssertionError ERR_ASSERTION',
    ])
  })

  it('a stream delivers its chunks asynchronously, and the script waits for them', async () => {
    const result = await run(
      runner,
      `const { PassThrough } = require('stream'), pipe = new PassThrough(), chunks = []
pipe.on('data', (c) => chunks.push(String(c)))
pipe.on('end', () => pm.test('all chunks, in order', () => pm.expect(chunks.join('')).to.equal('abc')))
pipe.write('a'); pipe.write('b'); pipe.end('c')`,
    )
    expect(result.error).toBeUndefined()
    expect(result.tests).toEqual([{ name: 'all chunks, in order', passed: true }])
  })

  it('cheerio, as a global and by require, reads an HTML page', async () => {
    const result = await run(
      runner,
      `const $ = cheerio.load(pm.response.text())
console.log(require('cheerio') === cheerio, $('input[name=csrf]').val(), $('a.next').attr('href'), $('li').length)`,
      {
        response: {
          code: 200,
          status: 'OK',
          headers: [['Content-Type', 'text/html']],
          body: '<form><input name="csrf" value="t0k3n"></form><ul><li>a</li><li>b</li></ul><a class="next" href="/p/2">next</a>',
          responseTime: 3,
          size: 120,
        },
      },
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['true t0k3n /p/2 2'])
  })

  it("xml2js parses (calling back before parseString returns, as Postman's) and builds XML", async () => {
    const result = await run(
      runner,
      `const xml2js = require('xml2js'); let parsed
xml2js.parseString('<order id="7"><item>a</item><item>b</item></order>', (err, r) => { parsed = r })
console.log(JSON.stringify(parsed))
console.log(new xml2js.Builder({ headless: true, renderOpts: { pretty: false } }).buildObject({ ok: { n: 1 } }))`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual([
      '{"order":{"$":{"id":"7"},"item":["a","b"]}}',
      '<ok><n>1</n></ok>',
    ])
  })

  it("csv-parse/lib/sync is the parse function, as Postman's csv-parse 1 gave it", async () => {
    const result = await run(
      runner,
      `const parse = require('csv-parse/lib/sync')
console.log(JSON.stringify(parse('name,age\\nAda,36', { columns: true })), parse.parse === parse)`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['[{"name":"Ada","age":"36"}] true'])
  })

  it('each module loads once per script: a module that needs another gets the same one', async () => {
    const names = Object.keys(VENDORED_FILES)
    const result = await run(
      runner,
      `const names = ${JSON.stringify(names)}
console.log(names.filter((n) => require(n) === undefined || require(n) !== require(n)).join() || 'all')
console.log(require('stream').Readable.prototype instanceof require('events'))`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['all', 'true'])
  })

  it('the pool compiles a module a script names into the instance once; what a script does to it does not last', async () => {
    expect(librariesNamed(`const b = Buffer.from(x)`)).toEqual(['buffer'])
    expect(librariesNamed(`const u = require("url"); require('csv-parse/lib/sync')`)).toEqual([
      'url',
      'csv-parse/lib/sync',
    ])
    expect(librariesNamed(`var $ = cheerio.load(responseBody)`)).toEqual(['cheerio'])
    expect(librariesNamed(`const myBuffer = 1; const urlText = 'url'`)).toEqual([])

    const pool = new InstancePool()
    const first = await runOn(pool, `Buffer.polluted = true; console.log(Buffer.byteLength('é'))`)
    expect(logged(first)).toEqual(['2'])
    const instance = await pool.take(MEMORY, STACK)
    expect([instance.keeps('buffer'), instance.keeps('url')]).toEqual([true, false])
    pool.give(instance)
    const after = await runOn(pool, `console.log(typeof Buffer.polluted)`)
    expect(logged(after)).toEqual(['undefined'])
  })
})

import { afterAll, describe, expect, it } from 'vitest'
import { JarCookies } from '../../../electron/core/cookies/jarCookies'
import { ScriptJar } from '../../../electron/core/cookies/scriptCookieJar'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import type { ScriptRunResult } from '../../../electron/core/scripts/scriptTypes'
import { fileRunner, inputOf, logged } from './harness'

// pm.cookies.jar() on a real tough-cookie jar, through the app's worker and the command
// line's in-thread runner alike.
const runners = {
  worker: fileRunner(),
  'in-thread': createInlineScriptRunner(),
}
afterAll(() => runners['in-thread'].close())

const URL = 'https://api.example.com/users'

describe.each(Object.entries(runners))('pm.cookies.jar() (%s runner)', (_, runner) => {
  const runWith = (cookies: JarCookies | null, source: string): Promise<ScriptRunResult> =>
    runner.run(inputOf([source]), { cookies: cookies && new ScriptJar(cookies) })

  it('sets cookies the engine then sends, and reads them back', async () => {
    const cookies = new JarCookies()
    const result = await runWith(
      cookies,
      `const jar = pm.cookies.jar()
       // Each call answers its callback later: awaited one by one, the lines come in order.
       const ask = (method, ...args) =>
         new Promise((resolve, reject) => jar[method](...args, (err, v) => (err ? reject(err) : resolve(v))))
       const cookie = await ask('set', '${URL}', 'session', 'abc')
       console.log(cookie.name, cookie.value, cookie.domain, cookie.hostOnly)
       await ask('set', '${URL}', { name: 'theme', value: 'dark', path: '/', httpOnly: true })
       await ask('set', 'api.example.com', 'lang=en; Path=/users')
       console.log('get', await ask('get', '${URL}', 'session'))
       console.log('missing', await ask('get', '${URL}', 'missing'))
       const list = await ask('getAll', '${URL}')
       console.log('all', list.count(), list.get('theme'), list.one('lang').path)
       pm.test('lists them', () => pm.expect(list.map((c) => c.name).sort()).to.eql(['lang', 'session', 'theme']))
       console.log('not httpOnly', (await ask('getAll', '${URL}', { http: false })).count())`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual([
      'session abc api.example.com true',
      'get abc',
      'missing null',
      'all 3 dark /users',
      'not httpOnly 2',
    ])
    expect(result.tests).toEqual([{ name: 'lists them', passed: true }])
    // What the engine sends next, and jar calls are not counted as pm.sendRequest calls.
    expect(cookies.cookieFor(URL).split('; ').sort()).toEqual([
      'lang=en',
      'session=abc',
      'theme=dark',
    ])
    expect(result.sentRequests).toBeUndefined()
  })

  it('unsets one cookie and clears the rest, as the engine sees it', async () => {
    const cookies = new JarCookies()
    cookies.keep(['a=1; Path=/', 'b=2; Path=/', 'c=3; Path=/'], URL)
    const result = await runWith(
      cookies,
      `const jar = pm.cookies.jar()
       jar.unset('${URL}', 'a', (err) => {
         jar.getAll('${URL}', (e, list) => {
           console.log(err, list.map((c) => c.name).join(','))
           jar.clear('${URL}', (err) => jar.getAll('${URL}', (e, list) => console.log(err, list.count())))
         })
       })`,
    )
    expect(logged(result)).toEqual(['null b,c', 'null 0'])
    expect(cookies.cookieFor(URL)).toBe('')
  })

  it("gives tough-cookie's refusal to the callback: a cookie for another domain", async () => {
    const result = await runWith(
      new JarCookies(),
      `pm.cookies.jar().set('${URL}', { name: 'x', value: '1', domain: 'other.org' }, (err, c) =>
         console.log(err.message, c))`,
    )
    expect(logged(result)).toEqual([expect.stringMatching(/Cookie not in this host's domain/)])
  })

  it('refuses a cookie bigger than 8 KB, which would grow the host outside the sandbox limits', async () => {
    const cookies = new JarCookies()
    const result = await runWith(
      cookies,
      `pm.cookies.jar().set('${URL}', 'big', 'x'.repeat(9000), (err) => console.log(err.message))`,
    )
    expect(logged(result)).toEqual([expect.stringMatching(/at most 8 KB/)])
    expect(cookies.cookieFor(URL)).toBe('')
  })

  it("throws Postman's TypeErrors for bad arguments, before anything is asked", async () => {
    const result = await runWith(
      new JarCookies(),
      `const jar = pm.cookies.jar()
       for (const call of [() => jar.get('${URL}', 'a'), () => jar.get('', 'a', () => {}),
         () => jar.unset('${URL}', 7), () => jar.set('${URL}', null), () => jar.getAll('${URL}', 'x', () => {})]) {
         try { call() } catch (e) { console.log(e.name + ': ' + e.message) }
       }`,
    )
    expect(logged(result)).toEqual([
      'TypeError: CookieJar.get() requires a callback function',
      'TypeError: CookieJar.get() requires a valid url',
      'TypeError: CookieJar.unset() requires cookie name to be a string',
      'TypeError: CookieJar.set() requires a valid set cookie arguments',
      'TypeError: CookieJar.getAll() requires options to be an object',
    ])
  })

  it('tells the callback when there is no jar (cookies are off)', async () => {
    const result = await runWith(
      null,
      `pm.cookies.jar().get('${URL}', 'a', (err, value) => console.log(err.message, value))`,
    )
    expect(logged(result)).toEqual([
      "pm.cookies.jar(): no cookie jar is in use here. A run's cookies are off, or `courier send` was given no --cookie-jar file. undefined",
    ])
  })

  it('ends the script naming the line when a callback throws', async () => {
    const result = await runWith(
      new JarCookies(),
      `pm.cookies.jar().get('${URL}', 'a', () => {
         throw new Error('from the callback')
       })`,
    )
    expect(result.error?.message).toBe('Error: from the callback')
    expect(result.error?.line).toBe(2)
  })
})

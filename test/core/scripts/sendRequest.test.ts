import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JarCookies } from '../../../electron/core/cookies/jarCookies'
import { scriptHostOf } from '../../../electron/core/cookies/scriptCookieJar'
import { HttpEngine } from '../../../electron/core/http/engine'
import { engineSendRequest } from '../../../electron/core/scripts/engineSendRequest'
import type { ScriptSendRequest } from '../../../electron/core/scripts/scriptTypes'
import { freePort } from '../../servers/freePort'
import {
  LAST_RECORD_NAME,
  startBigJsonServer,
  startHangingServer,
  startHttpbin,
  type RunningServer,
} from '../../servers'
import { fileRunner, inputOf, logged, run } from './harness'

// pm.sendRequest against real servers, through the real engine (engineSendRequest).
let httpbin: RunningServer
let hanging: RunningServer
let big: RunningServer
const engine = new HttpEngine()
const aborted: boolean[] = []
const viaEngine = engineSendRequest(engine)
const recordingAborts: ScriptSendRequest = (request, options) => {
  options.signal.addEventListener('abort', () => aborted.push(true))
  return viaEngine(request, options)
}
const runner = fileRunner({ sendRequest: recordingAborts })

beforeAll(async () => {
  ;[httpbin, hanging, big] = await Promise.all([
    startHttpbin(),
    startHangingServer(),
    startBigJsonServer(3_000_000),
  ])
})
afterAll(async () => {
  engine.close()
  await Promise.all([httpbin.close(), hanging.close(), big.close()])
})

describe('pm.sendRequest', () => {
  it('sends a URL and calls back with (err, res)', async () => {
    const result = await run(
      runner,
      `pm.sendRequest('${httpbin.url}/get?from=script', function (err, res) {
         pm.test('answered', () => {
           pm.expect(err).to.equal(null)
           pm.expect(res.code).to.equal(200)
           pm.expect(res.json().args).to.eql({ from: 'script' })
           res.to.have.header('Content-Type', 'application/json')
         })
       })`,
    )
    expect(result.tests).toEqual([{ name: 'answered', passed: true }])
  })

  it('returns a promise without a callback, and sends a request object with headers and a JSON body', async () => {
    const result = await run(
      runner,
      `const res = await pm.sendRequest({
         url: '${httpbin.url}/post',
         method: 'POST',
         header: [{ key: 'X-Api-Key', value: 'k-1' }, { key: 'X-Off', value: 'no', disabled: true }],
         body: { mode: 'raw', raw: JSON.stringify({ name: 'Jane' }), options: { raw: { language: 'json' } } },
       })
       const echo = res.json()
       pm.environment.set('sentName', echo.json.name)
       console.log(echo.headers['X-Api-Key'], echo.headers['Content-Type'], 'X-Off' in echo.headers)`,
    )
    expect(result.error).toBeUndefined()
    expect(result.variables.environment.sentName).toBe('Jane')
    expect(logged(result)).toEqual(['k-1 application/json false'])
  })

  it('sends urlencoded and form-data bodies, and headers given as an object', async () => {
    const result = await run(
      runner,
      `const form = await pm.sendRequest({ url: '${httpbin.url}/post', method: 'POST',
         body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: 'x y' }] } })
       const multi = await pm.sendRequest({ url: '${httpbin.url}/post', method: 'POST', header: { 'X-Obj': 'yes' },
         body: { mode: 'formdata', formdata: [{ key: 'field', value: 'v', type: 'text' }] } })
       console.log(JSON.stringify(form.json().form), JSON.stringify(multi.json().form), multi.json().headers['X-Obj'])`,
    )
    expect(logged(result)).toEqual(['{"a":"1","b":"x y"} {"field":"v"} yes'])
  })

  it('sends several at once and waits for all before the script ends', async () => {
    const result = await run(
      runner,
      `const codes = await Promise.all([200, 404, 500].map((c) => pm.sendRequest('${httpbin.url}/status/' + c)))
       codes.forEach((r) => pm.test('status ' + r.code, () => {}))
       pm.sendRequest('${httpbin.url}/delay/0', (err, res) => pm.test('callback after the body', () => pm.expect(res.code).to.equal(200)))`,
    )
    expect(result.tests.map((t) => t.name)).toEqual([
      'status 200',
      'status 404',
      'status 500',
      'callback after the body',
    ])
    expect(result.tests.every((t) => t.passed)).toBe(true)
  })

  it('gives a body bigger than a response record carries whole to the script', async () => {
    const result = await run(
      runner,
      `const res = await pm.sendRequest('${big.url}/big')
       const list = res.json()
       console.log(res.text().length === res.responseSize, list[list.length - 1].name)`,
    )
    expect(logged(result)).toEqual([`true ${LAST_RECORD_NAME}`])
  })

  it('gives the error when there is no response, with its code', async () => {
    const port = await freePort('127.0.0.1')
    const result = await run(
      runner,
      `pm.sendRequest('http://127.0.0.1:${port}/', (err, res) => { console.log(err.code, res, err.message.length > 0) })`,
    )
    // Node's code, as newman gives it.
    expect(logged(result)).toEqual(['ECONNREFUSED null true'])
  })

  it('does not resolve {{variables}} in its request, as in Postman', async () => {
    const result = await run(
      runner,
      `try { await pm.sendRequest('{{baseUrl}}/get') } catch (e) { console.log(e.code) }
       const res = await pm.sendRequest(pm.variables.replaceIn('{{baseUrl}}/get'))
       console.log(res.code)`,
      { variables: { environment: { baseUrl: httpbin.url } } },
    )
    expect(logged(result)).toEqual(['UNRESOLVED_VARIABLES', '200'])
  })

  it("sends with the send's cookie jar and keeps what its responses set there, as newman shares the run's", async () => {
    const cookies = new JarCookies()
    cookies.keep(['before=1; Path=/'], `${httpbin.url}/`)
    // /cookies/set answers with a redirect to /cookies, which echoes what it was sent.
    const result = await runner.run(
      inputOf([
        `pm.sendRequest('${httpbin.url}/cookies/set?after=2', (err, res) => {
           const sent = res.json().cookies
           console.log(sent.before, sent.after)
         })`,
      ]),
      scriptHostOf(cookies),
    )
    expect(logged(result)).toEqual(['1 2'])
    expect(cookies.cookieFor(`${httpbin.url}/`).split('; ').sort()).toEqual(['after=2', 'before=1'])
  })

  it('refuses a request it cannot send, saying why', async () => {
    const result = await run(
      runner,
      `pm.sendRequest({ url: '${httpbin.url}/post', body: { mode: 'file', file: { src: '/etc/passwd' } } })`,
    )
    expect(result.error?.message).toMatch(
      /^TypeError: pm\.sendRequest: body mode "file" is not supported by Courier/,
    )
    const file = await run(
      runner,
      `try { await pm.sendRequest('file:///etc/passwd') } catch (e) { console.log(e.code) }`,
    )
    expect(logged(file)).toEqual(['INVALID_URL'])
  })

  it('stops a script whose callback loops at the CPU limit', async () => {
    const result = await run(
      runner,
      `pm.sendRequest('${httpbin.url}/get', () => { while (true) {} })`,
      {
        limits: { cpuMs: 300 },
      },
    )
    expect(result.error).toMatchObject({ limit: 'cpu' })
    const after = await run(runner, `pm.test('next run', () => {})`)
    expect(after.tests).toEqual([{ name: 'next run', passed: true }])
  })

  it('ends a script waiting on a request that never completes at the time limit, cancelling it', async () => {
    aborted.length = 0
    const result = await run(runner, `await pm.sendRequest('${hanging.url}/never-ends')`, {
      limits: { timeMs: 500, cpuMs: 100 },
    })
    expect(result.error).toMatchObject({
      limit: 'time',
      message:
        'Script did not finish within its 500 ms time limit: it was still waiting for pm.sendRequest.',
    })
    expect(aborted).toEqual([true])
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { runCourier, tempDir } from './runCourier'

// Every send goes to the history of the data directory: a fresh one, never the user's.
const dataDir = tempDir('courier-cli-send-')
let httpbin: { url: string; close(): Promise<void> }

const courier = (...args: string[]) => runCourier(args, { dataDir })

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(() => httpbin.close())

describe('courier send', () => {
  it('PUTs JSON and prints the documented JSON output with timings', async () => {
    const r = await courier(
      'send',
      'PUT',
      `${httpbin.url}/put`,
      '--json',
      '{"name":"John Doe Smith"}',
      '--output',
      'json',
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out).sort()).toEqual(
      [
        'body',
        'bodyEncoding',
        'headers',
        'httpVersion',
        'redirects',
        'sizes',
        'status',
        'statusText',
        'timings',
        'url',
      ].sort(),
    )
    expect(out.status).toBe(200)
    expect(out.bodyEncoding).toBe('utf8')
    expect(JSON.parse(out.body).json).toEqual({ name: 'John Doe Smith' })
    expect(Object.keys(out.timings).sort()).toEqual([
      'connect',
      'dns',
      'download',
      'firstByte',
      'tls',
      'total',
    ])
    expect(out.sizes.body).toBeGreaterThan(0)
  })

  it('sends headers, query, form, basic auth and variables', async () => {
    const r = await courier(
      'send',
      'POST',
      '{{base}}/post',
      '-H',
      'X-Trace: t-1',
      '--query',
      'q=a b',
      '--form',
      'name=Jane',
      '--basic',
      'jane:pw',
      '--var',
      `base=${httpbin.url}`,
      '--output',
      'json',
    )
    expect(r.code).toBe(0)
    const echo = JSON.parse(JSON.parse(r.stdout).body)
    expect(echo.headers['X-Trace']).toBe('t-1')
    expect(echo.headers.Authorization).toBe(`Basic ${Buffer.from('jane:pw').toString('base64')}`)
    expect(echo.args).toEqual({ q: 'a b' })
    expect(echo.form).toEqual({ name: 'Jane' })
  })

  it('reads --json @file and sends --multipart files', async () => {
    const dir = tempDir('courier-cli-')
    writeFileSync(join(dir, 'body.json'), '{"from":"file"}')
    writeFileSync(join(dir, 'a.txt'), 'attached')
    const json = await courier(
      'send',
      'PATCH',
      `${httpbin.url}/patch`,
      '--json',
      `@${join(dir, 'body.json')}`,
      '--output',
      'json',
    )
    expect(JSON.parse(JSON.parse(json.stdout).body).json).toEqual({ from: 'file' })
    const multi = await courier(
      'send',
      'POST',
      `${httpbin.url}/post`,
      '--multipart',
      'k=v',
      '--multipart',
      `f=@${join(dir, 'a.txt')}`,
      '--output',
      'json',
    )
    const echo = JSON.parse(JSON.parse(multi.stdout).body)
    expect(echo.form).toEqual({ k: 'v' })
    expect(echo.files).toEqual({ f: 'attached' })
  })

  it('exits 1 on a 4xx with --fail and 0 without it, printing the status in pretty mode', async () => {
    const failing = await courier('send', 'GET', `${httpbin.url}/status/404`, '--fail')
    expect(failing.code).toBe(1)
    expect(failing.stdout).toMatch(/^HTTP\/1\.1 404 NOT FOUND/)
    expect((await courier('send', 'GET', `${httpbin.url}/status/404`)).code).toBe(0)
  })

  it('exits 2 with a readable error on a transport failure, in both outputs', async () => {
    const pretty = await courier('send', 'GET', 'http://no-such-host.invalid/')
    expect(pretty.code).toBe(2)
    expect(pretty.stderr).toMatch(/^Error \[DNS\]: Could not find the host "no-such-host\.invalid"/)
    expect(pretty.stderr).toMatch(/Hint: /)
    const json = await courier(
      'send',
      'GET',
      `${httpbin.url}/delay/5`,
      '--timeout',
      '300',
      '--output',
      'json',
    )
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'TIMEOUT' })
  })

  it('exits 2 on bad arguments with a message naming the problem', async () => {
    const method = await courier('send', 'GET /x', 'http://h/')
    expect(method.code).toBe(2)
    expect(method.stderr).toMatch(/"GET \/x" is not an HTTP method/)
    const header = await courier('send', 'GET', 'http://h/', '-H', 'no-colon')
    expect(header.code).toBe(2)
    expect(header.stderr).toMatch(/-H "no-colon" needs the form 'Name: value'/)
    expect((await courier('send', 'GET')).code).toBe(2)
  })

  it('--no-follow returns the redirect itself', async () => {
    const r = await courier(
      'send',
      'GET',
      `${httpbin.url}/redirect/1`,
      '--no-follow',
      '--output',
      'json',
    )
    expect(JSON.parse(r.stdout).status).toBe(302)
  })
})

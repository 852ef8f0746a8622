import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JarCookies } from '../../../electron/core/cookies/jarCookies'
import { HttpEngine } from '../../../electron/core/http/engine'
import type { ResponseRecord } from '../../../shared/model/response'
import { startHttpbin } from '../../servers/httpbin'
import { startCookieServer, setCookiePath } from '../../servers/cookieServer'
import type { RunningServer } from '../../servers/listen'
import { jsonBody, spec } from '../http/spec'

// The engine with a jar, against real servers: RFC 6265 rules by tough-cookie, the Cookie
// header the jar adds among the sent headers (what the timeline and history show).
const engine = new HttpEngine()
let here: RunningServer
let elsewhere: RunningServer
let httpbin: RunningServer

beforeAll(async () => {
  ;[here, elsewhere, httpbin] = await Promise.all([
    startCookieServer('127.0.0.1'),
    startCookieServer('127.0.0.2'),
    startHttpbin(),
  ])
})
afterAll(async () => {
  engine.close()
  await Promise.all([here.close(), elsewhere.close(), httpbin.close()])
})

async function send(
  url: string,
  cookies: JarCookies,
  settings: { cookies?: boolean } = {},
): Promise<ResponseRecord> {
  const result = await engine.send({ spec: spec({ url, settings }), variables: {}, cookies })
  if (!result.ok) throw new Error(result.error.message)
  return result.response
}

/** The Cookie header the server received, its pairs sorted; [] for none. */
async function received(url: string, cookies: JarCookies, settings = {}): Promise<string[]> {
  const { cookie } = jsonBody((await send(url, cookies, settings)).body) as {
    cookie: string | null
  }
  return cookie === null ? [] : cookie.split('; ').sort()
}

describe('a cookie jar in the engine', () => {
  it('keeps what httpbin sets and sends it back, and the sent headers show the Cookie it added', async () => {
    const cookies = new JarCookies()
    await send(`${httpbin.url}/cookies/set?flavour=oat&size=big`, cookies)
    const response = await send(`${httpbin.url}/cookies`, cookies)

    expect(jsonBody(response.body)).toEqual({ cookies: { flavour: 'oat', size: 'big' } })
    const sentCookie = response.sent.headers.find(([name]) => name === 'Cookie')
    expect(sentCookie?.[1].split('; ').sort()).toEqual(['flavour=oat', 'size=big'])
  })

  it('sends a cookie only to its own host and below its path', async () => {
    const cookies = new JarCookies()
    await send(`${here.url}${setCookiePath('/set', 'host=h', 'deep=d; Path=/api')}`, cookies)

    expect(await received(`${here.url}/`, cookies)).toEqual(['host=h'])
    expect(await received(`${here.url}/api/users`, cookies)).toEqual(['deep=d', 'host=h'])
    expect(await received(`${here.url}/apix`, cookies)).toEqual(['host=h'])
    expect(await received(`${elsewhere.url}/api/users`, cookies)).toEqual([])
  })

  it('never sends a Secure cookie over plain http, but loopback counts as secure, as in browsers', async () => {
    const cookies = new JarCookies()
    cookies.keep(['locked=l; Secure', 'open=o'], 'https://api.example.test/')
    expect(cookies.cookieFor('http://api.example.test/')).toBe('open=o')
    expect(cookies.cookieFor('https://api.example.test/')).toBe('locked=l; open=o')
    // 127.0.0.1 is a potentially trustworthy origin (tough-cookie's allowSecureOnLocal).
    cookies.keep(['local=l; Secure'], `https://${new URL(here.url).host}/`)
    expect(await received(`${here.url}/`, cookies)).toEqual(['local=l'])
  })

  it('drops a cookie when it expires: Max-Age=0 and a past Expires remove it', async () => {
    const cookies = new JarCookies()
    await send(`${here.url}${setCookiePath('/set', 'a=1', 'b=2', 'c=3')}`, cookies)
    const past = new Date(Date.now() - 60_000).toUTCString()
    await send(
      `${here.url}${setCookiePath('/set', 'a=1; Max-Age=0', `b=2; Expires=${past}`)}`,
      cookies,
    )
    expect(await received(`${here.url}/`, cookies)).toEqual(['c=3'])
  })

  it('with the request setting off, neither sends the jar nor keeps what the response sets', async () => {
    const cookies = new JarCookies()
    await send(`${here.url}${setCookiePath('/set', 'kept=k')}`, cookies)
    const off = { cookies: false }

    expect(
      await received(`${here.url}${setCookiePath('/set', 'ignored=i')}`, cookies, off),
    ).toEqual([])
    expect(await received(`${here.url}/`, cookies)).toEqual(['kept=k'])
  })

  it("leaves a request's own Cookie header as typed", async () => {
    const cookies = new JarCookies()
    cookies.keep(['jar=j'], `${here.url}/`)
    const typed = spec({
      url: `${here.url}/`,
      headers: [{ key: 'Cookie', value: 'mine=m', enabled: true }],
    })
    const result = await engine.send({ spec: typed, variables: {}, cookies })
    expect(result.ok && jsonBody(result.response.body)).toEqual({ path: '/', cookie: 'mine=m' })
  })
})

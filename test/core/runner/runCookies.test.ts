import { CookieJar } from 'tough-cookie'
import { describe, expect, it } from 'vitest'
import { RunCookies } from '../../../electron/core/runner/runCookies'

// RunCookies answers "no Cookie header" without asking tough-cookie while its jar is empty:
// these prove that shortcut never hides a cookie (the end-to-end cases, with a real server,
// are in runExchanges.test.ts and the cookie-file tests).
describe('RunCookies', () => {
  const url = 'http://127.0.0.1:8080/items'

  it('sends nothing from an empty jar, then what a response set', () => {
    const cookies = new RunCookies()
    expect(cookies.cookieFor(url)).toBe('')
    cookies.keep([], url)
    expect(cookies.cookieFor(url)).toBe('')
    cookies.keep(['flavour=oat; Path=/'], url)
    expect(cookies.cookieFor(url)).toBe('flavour=oat')
  })

  it('sends the cookies of a jar it was handed from the first request on', () => {
    const jar = new CookieJar()
    jar.setCookieSync('session=abc; Path=/', url)
    expect(new RunCookies(jar).cookieFor(url)).toBe('session=abc')
  })

  it('an empty jar it was handed still gets what responses set', () => {
    const jar = new CookieJar()
    const cookies = new RunCookies(jar)
    cookies.keep(['flavour=rye; Path=/'], url)
    expect(cookies.cookieFor(url)).toBe('flavour=rye')
    expect(jar.getCookieStringSync(url)).toBe('flavour=rye')
  })

  it('still applies the rules once it holds a cookie (another host gets none)', () => {
    const cookies = new RunCookies()
    cookies.keep(['flavour=oat; Path=/'], url)
    expect(cookies.cookieFor('http://127.0.0.2:8080/items')).toBe('')
  })
})

import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { CookieJar } from 'tough-cookie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CookieFileError,
  readNetscapeFile,
  toNetscapeFile,
} from '../../../electron/core/cookies/netscapeCookies'
import { JarCookies } from '../../../electron/core/cookies/jarCookies'
import { startCookieServer, setCookiePath } from '../../servers/cookieServer'
import type { RunningServer } from '../../servers/listen'
import { tempDir } from '../../cli/runCourier'

const curl = promisify(execFile)
const dir = tempDir('courier-netscape-')
let server: RunningServer

beforeAll(async () => {
  server = await startCookieServer()
})
afterAll(async () => {
  await server.close()
})

/** What the cookie server saw as the Cookie header of a request curl sent with `-b file`. */
async function curlSends(file: string, path: string): Promise<string[]> {
  const { stdout } = await curl('curl', ['-s', '-b', file, `${server.url}${path}`])
  return names((JSON.parse(stdout) as { cookie: string | null }).cookie ?? '')
}

/** A Cookie header's pairs, sorted: the order of cookies of one path length is not fixed. */
const names = (header: string) => (header === '' ? [] : header.split('; ').sort())

const inAnHour = new Date(Date.now() + 3_600_000).toUTCString()

describe('the Netscape cookie file, checked against curl', () => {
  it('is read by curl -b: each cookie goes where its path allows, HttpOnly and persistent ones included', async () => {
    const cookies = new JarCookies()
    cookies.keep(
      ['session=s1', `remember=r2; Expires=${inAnHour}; HttpOnly`, 'scoped=p3; Path=/a'],
      `${server.url}/`,
    )
    const file = join(dir, 'courier-wrote.txt')
    writeFileSync(file, await toNetscapeFile(cookies.jar))

    expect(readFileSync(file, 'utf8')).toMatch(/^# Netscape HTTP Cookie File/)
    expect(await curlSends(file, '/')).toEqual(['remember=r2', 'session=s1'])
    expect(await curlSends(file, '/a/b')).toEqual(['remember=r2', 'scoped=p3', 'session=s1'])
  })

  it('reads what curl -c wrote: session, persistent, HttpOnly and path cookies, each sent where it belongs', async () => {
    const file = join(dir, 'curl-wrote.txt')
    const path = setCookiePath(
      '/set',
      'session=s1',
      `remember=r2; Expires=${inAnHour}; HttpOnly`,
      'scoped=p3; Path=/a',
    )
    await curl('curl', ['-s', '-c', file, `${server.url}${path}`])
    const jar = new CookieJar()

    expect(await readNetscapeFile(readFileSync(file, 'utf8'), jar)).toBe(3)
    expect(names(jar.getCookieStringSync(`${server.url}/`))).toEqual(['remember=r2', 'session=s1'])
    expect(names(jar.getCookieStringSync(`${server.url}/a/b`))).toEqual([
      'remember=r2',
      'scoped=p3',
      'session=s1',
    ])
    const remember = jar.getCookiesSync(`${server.url}/`).find((c) => c.key === 'remember')!
    expect(remember.httpOnly).toBe(true)
    expect(remember.expires).toBeInstanceOf(Date)
    // Written back, curl still reads the same cookies.
    const again = join(dir, 'again.txt')
    writeFileSync(again, await toNetscapeFile(jar))
    expect(await curlSends(again, '/')).toEqual(['remember=r2', 'session=s1'])
  })

  it('keeps domain cookies for subdomains and host-only cookies for their host', async () => {
    const jar = new CookieJar()
    await readNetscapeFile(
      '.example.com\tTRUE\t/\tTRUE\t0\twide\tw\nexample.com\tFALSE\t/\tFALSE\t0\tnarrow\tn\n',
      jar,
    )
    expect(jar.getCookieStringSync('https://api.example.com/')).toBe('wide=w')
    expect(jar.getCookieStringSync('http://example.com/')).toBe('narrow=n')
    expect(names(jar.getCookieStringSync('https://example.com/'))).toEqual(['narrow=n', 'wide=w'])
    const text = await toNetscapeFile(jar)
    expect(text).toContain('.example.com\tTRUE\t/\tTRUE\t0\twide\tw\n')
    expect(text).toContain('example.com\tFALSE\t/\tFALSE\t0\tnarrow\tn\n')
  })

  it('leaves expired cookies out, reading and writing', async () => {
    const jar = new CookieJar()
    const past = Math.floor(Date.now() / 1000) - 60
    const kept = await readNetscapeFile(
      `example.com\tFALSE\t/\tFALSE\t${past}\told\to\nexample.com\tFALSE\t/\tFALSE\t0\tnew\tn\n`,
      jar,
    )
    expect(kept).toBe(1)
    expect(jar.getCookieStringSync('http://example.com/')).toBe('new=n')
  })

  it('names the line of a file that is not a cookie file', async () => {
    const read = readNetscapeFile('# comment\nexample.com\tFALSE\t/\n', new CookieJar())
    await expect(read).rejects.toThrow(CookieFileError)
    await expect(read).rejects.toThrow(/line 2 has 3 tab-separated fields/)
    await expect(
      readNetscapeFile('example.com\tFALSE\t/\tFALSE\tsoon\tn\tv\n', new CookieJar()),
    ).rejects.toThrow('line 1: the expiry "soon" is not a number of seconds')
  })
})

describe('Max-Age', () => {
  it('is written as the expiry it gives, not as a session cookie', async () => {
    const cookies = new JarCookies()
    cookies.keep(['lasting=l; Max-Age=3600'], 'http://example.com/')
    const line = (await toNetscapeFile(cookies.jar)).split('\n').find((l) => l.includes('lasting'))!
    const expires = Number(line.split('\t')[4])
    const inAnHour = Date.now() / 1000 + 3600
    expect(Math.abs(expires - inAnHour)).toBeLessThan(60)
  })
})

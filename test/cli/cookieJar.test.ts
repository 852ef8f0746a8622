import { execFile } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCookieServer, setCookiePath } from '../servers/cookieServer'
import type { RunningServer } from '../servers/listen'
import { runCourier, tempDir } from './runCourier'
import { runFixtures } from './runFixtures'

// --cookie-jar FILE on send and run, with real curl on the other side of the file.
const curl = promisify(execFile)
const dir = tempDir('courier-cli-cookies-')
const dataDir = join(dir, 'data')
const fixtures = runFixtures('courier-cli-cookies-run-')
let server: RunningServer

beforeAll(async () => {
  server = await startCookieServer()
})
afterAll(async () => {
  await server.close()
})

/** The Cookie header the server saw, as `courier send --output json` printed its body. */
function cookieOf(stdout: string): string | null {
  const output = JSON.parse(stdout) as { body: string }
  return (JSON.parse(output.body) as { cookie: string | null }).cookie
}

const send = (path: string, jar: string) =>
  runCourier(
    [
      'send',
      'GET',
      `${server.url}${path}`,
      '--cookie-jar',
      jar,
      '--no-history',
      '--output',
      'json',
    ],
    { dataDir },
  )

describe('courier send --cookie-jar', () => {
  it('writes what the response set to a file curl -b sends, private to the user', async () => {
    const jar = join(dir, 'from-courier.txt')
    const set = await send(setCookiePath('/set', 'token=t1; Path=/', 'other=o2'), jar)
    expect(set.stderr).toBe('')
    expect(set.code).toBe(0)

    expect(statSync(jar).mode & 0o777).toBe(0o600)
    const { stdout } = await curl('curl', ['-s', '-b', jar, `${server.url}/check`])
    const sent = (JSON.parse(stdout) as { cookie: string }).cookie.split('; ').sort()
    expect(sent).toEqual(['other=o2', 'token=t1'])
    // And the next send reads the file back.
    expect(
      cookieOf((await send('/again', jar)).stdout)
        ?.split('; ')
        .sort(),
    ).toEqual(['other=o2', 'token=t1'])
  })

  it('reads a file curl -c wrote and sends its cookies', async () => {
    const jar = join(dir, 'from-curl.txt')
    await curl('curl', [
      '-s',
      '-c',
      jar,
      `${server.url}${setCookiePath('/set', 'made=by-curl; HttpOnly')}`,
    ])
    const sent = await send('/check', jar)
    expect(sent.code).toBe(0)
    expect(cookieOf(sent.stdout)).toBe('made=by-curl')
  })

  it('refuses a file that is not a cookie file before sending, naming the line', async () => {
    const jar = join(dir, 'bad.txt')
    writeFileSync(jar, 'not a cookie line\n')
    const sent = await send('/never', jar)
    expect(sent.code).toBe(2)
    expect(sent.stderr).toContain(
      `The cookie jar ${jar} is not a Netscape cookie file: line 1 has 1 tab-separated fields`,
    )
    expect(readFileSync(jar, 'utf8')).toBe('not a cookie line\n')
  })
})

describe('courier run --cookie-jar', () => {
  it('starts from the file, carries cookies through the run and writes them back', async () => {
    const jar = join(dir, 'run.txt')
    await curl('curl', ['-s', '-c', jar, `${server.url}${setCookiePath('/set', 'start=s')}`])
    const collection = fixtures.collection([
      { name: 'Set', url: `${server.url}${setCookiePath('/set', 'during=d')}` },
      {
        name: 'Check',
        url: `${server.url}/check`,
        test: `pm.test('both', () => pm.expect(pm.response.json().cookie.split('; ').sort()).to.eql(['during=d', 'start=s']))`,
      },
    ])
    const run = await fixtures.runWithReport([collection, '--cookie-jar', jar])
    expect(run.report!.run.stats.assertions).toEqual({ total: 1, failed: 0 })
    expect(run.code).toBe(0)

    const { stdout } = await curl('curl', ['-s', '-b', jar, `${server.url}/after`])
    expect((JSON.parse(stdout) as { cookie: string }).cookie.split('; ').sort()).toEqual([
      'during=d',
      'start=s',
    ])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, startTlsServer, type RunningServer } from '../servers'
import { runFixtures, status, urlsOf } from './runFixtures'

let httpbin: RunningServer
let tls: RunningServer
const fx = runFixtures('courier-cli-run-flags-')

beforeAll(async () => {
  ;[httpbin, tls] = await Promise.all([startHttpbin(), startTlsServer()])
})
afterAll(async () => {
  await Promise.all([httpbin?.close(), tls?.close()])
})

describe('courier run: newman flags that change the run', () => {
  const echo = `pm.test('echo ' + pm.iterationData.get('user'), () => pm.expect(pm.response.json().args.user).to.eql(pm.variables.get('user')))`

  it('-d: each data row is one iteration, as pm.iterationData and {{variables}}', async () => {
    const path = fx.collection([
      { name: 'Echo', url: `${httpbin.url}/get?user={{user}}`, test: echo },
    ])
    const run = await fx.runWithReport([path, '-d', fx.file('users.csv', 'user\nann\nbob\n')])
    expect(run.code).toBe(0)
    expect(urlsOf(run.report, httpbin.url)).toEqual(['/get?user=ann', '/get?user=bob'])
    expect(run.report!.run.executions.map((e) => e.assertions[0]!.assertion)).toEqual([
      'echo ann',
      'echo bob',
    ])
  })

  it('-n: that many iterations, the last data row repeated past the end', async () => {
    const path = fx.collection([{ name: 'Echo', url: `${httpbin.url}/get?user={{user}}` }])
    const run = await fx.runWithReport([
      path,
      '-d',
      fx.file('u.json', '[{"user":"ann"},{"user":"bob"}]'),
      '-n',
      '3',
    ])
    expect(urlsOf(run.report, httpbin.url)).toEqual([
      '/get?user=ann',
      '/get?user=bob',
      '/get?user=bob',
    ])
    expect(run.report!.run.stats.iterations.total).toBe(3)
  })

  it('--folder: only the requests of that folder', async () => {
    const path = fx.collection([
      { name: 'Top', url: `${httpbin.url}/get?top` },
      { folder: 'Users', items: [{ name: 'List', url: `${httpbin.url}/get?users=1` }] },
      { folder: 'Admin', items: [{ name: 'Page', url: `${httpbin.url}/get?admin=1` }] },
    ])
    const run = await fx.runWithReport([path, '--folder', 'Users'])
    expect(urlsOf(run.report, httpbin.url)).toEqual(['/get?users=1'])
  })

  it('--env-var and --global-var: values for {{variables}}, the environment over the globals', async () => {
    const path = fx.collection([{ name: 'Echo', url: `${httpbin.url}/get?a={{a}}&b={{b}}` }])
    const run = await fx.runWithReport([
      path,
      '--global-var',
      'a=global',
      '--global-var',
      'b=global',
      '--env-var',
      'b=env=1',
    ])
    expect(urlsOf(run.report, httpbin.url)).toEqual(['/get?a=global&b=env%3D1'])
  })

  it('-e and -g: Postman environment and globals exports', async () => {
    const path = fx.collection([{ name: 'Echo', url: `${httpbin.url}/get?a={{a}}&b={{b}}` }])
    const env = fx.file(
      'env.json',
      JSON.stringify({ name: 'Env', values: [{ key: 'b', value: 'from-env', enabled: true }] }),
    )
    const globals = fx.file(
      'globals.json',
      JSON.stringify({
        values: [{ key: 'a', value: 'from-globals' }],
        _postman_variable_scope: 'globals',
      }),
    )
    const run = await fx.runWithReport([path, '-e', env, '-g', globals])
    expect(urlsOf(run.report, httpbin.url)).toEqual(['/get?a=from-globals&b=from-env'])
  })

  it('--bail: the run stops at the first failure', async () => {
    const path = fx.collection([
      { name: 'Fails', url: `${httpbin.url}/status/500`, test: status(200) },
      { name: 'Never', url: `${httpbin.url}/get` },
    ])
    const run = await fx.runWithReport([path, '--bail'])
    expect(run.code).toBe(1)
    expect(urlsOf(run.report, httpbin.url)).toEqual(['/status/500'])
    expect(run.stderr).toContain('Stopped at the first failure')
    // With the cli reporter, the reason is told once, under its summary.
    const shown = await fx.courier([path, '--bail', '--color', 'off'])
    expect(shown.stdout.split('Stopped at the first failure')).toHaveLength(2)
    expect(shown.stderr).not.toContain('Stopped at the first failure')
  })

  it('--timeout-request: a slow response fails as a timeout', async () => {
    const path = fx.collection([{ name: 'Slow', url: `${httpbin.url}/delay/3` }])
    const run = await fx.runWithReport([path, '--timeout-request', '300'])
    expect(run.code).toBe(1)
    expect(run.report!.run.failures[0]!.error.message).toMatch(/300 ms|timed out|time/i)
    expect(run.report!.run.stats.requests).toEqual({ total: 1, failed: 1 })
  })

  it('-k: a self-signed certificate fails the run without it and passes with it', async () => {
    const path = fx.collection([{ name: 'Secure', url: `${tls.url}/`, test: status(200) }])
    const strict = await fx.runWithReport([path])
    expect(strict.code).toBe(1)
    expect(strict.report!.run.stats.requests.failed).toBe(1)
    const insecure = await fx.runWithReport([path, '-k'])
    expect(insecure.code).toBe(0)
    expect(insecure.report!.run.stats.assertions).toEqual({ total: 1, failed: 0 })
  })

  it('--ignore-redirects: the redirect itself is the response', async () => {
    const path = fx.collection([
      { name: 'Moved', url: `${httpbin.url}/redirect-to?url=%2Fget&status_code=302` },
    ])
    expect((await fx.runWithReport([path])).report!.run.executions[0]!.response!.code).toBe(200)
    expect(
      (await fx.runWithReport([path, '--ignore-redirects'])).report!.run.executions[0]!.response!
        .code,
    ).toBe(302)
  })
})

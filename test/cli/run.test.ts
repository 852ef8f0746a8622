import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, startTlsServer, type RunningServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

let httpbin: RunningServer
let tls: RunningServer
let dir: string
let files = 0

beforeAll(async () => {
  ;[httpbin, tls] = await Promise.all([startHttpbin(), startTlsServer()])
  dir = tempDir('courier-cli-run-')
})
afterAll(async () => {
  await Promise.all([httpbin?.close(), tls?.close()])
})

interface Item {
  name: string
  url: string
  test?: string
  method?: string
}

/** A Postman v2.1 collection file of these requests (and folders of requests), each with its test script. */
function collection(entries: (Item | { folder: string; items: Item[] })[], name = 'Run'): string {
  const item = (i: Item) => ({
    name: i.name,
    request: { method: i.method ?? 'GET', url: i.url },
    event: i.test ? [{ listen: 'test', script: { exec: i.test.split('\n') } }] : [],
  })
  const path = join(dir, `collection-${++files}.json`)
  writeFileSync(
    path,
    JSON.stringify({
      info: {
        name,
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: entries.map((e) =>
        'folder' in e ? { name: e.folder, item: e.items.map(item) } : item(e),
      ),
    }),
  )
  return path
}

function file(name: string, text: string): string {
  const path = join(dir, `${++files}-${name}`)
  writeFileSync(path, text)
  return path
}

const status = (code: number) =>
  `pm.test('status ${code}', () => pm.response.to.have.status(${code}))`

/** `courier run ARGS -r json` and the report it wrote. */
async function runWithReport(args: string[]) {
  const report = join(dir, `report-${++files}.json`)
  const run = await runCourier(['run', ...args, '-r', 'json', '--reporter-json-export', report], {
    dataDir: join(dir, 'data'),
  })
  const json = existsSync(report)
    ? (JSON.parse(readFileSync(report, 'utf8')) as {
        run: {
          stats: Record<
            'iterations' | 'requests' | 'testScripts' | 'prerequestScripts' | 'assertions',
            { total: number; failed: number }
          >
          executions: {
            item: { name: string }
            request: { url: string }
            response: { code: number } | null
            assertions: { assertion: string; error?: { message: string } }[]
          }[]
          failures: { error: { name: string; message: string }; source: { name: string } }[]
        }
      })
    : null
  return { ...run, report: json }
}

const urls = (r: Awaited<ReturnType<typeof runWithReport>>) =>
  r.report!.run.executions.map((e) => e.request.url.replace(httpbin.url, ''))

describe('courier run: exit codes', () => {
  it('0 when every test passed, with newman-like lines on stdout', async () => {
    const path = collection([{ name: 'Get', url: `${httpbin.url}/get`, test: status(200) }])
    const run = await runCourier(['run', path, '--color', 'off'], { dataDir: join(dir, 'data') })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('→ Get')
    expect(run.stdout).toContain('✓  status 200')
    expect(run.stdout).toMatch(/assertions\s*│\s*1\s*│\s*0/)
  })

  it('1 when a test failed, with the failure listed', async () => {
    const path = collection([
      { name: 'Teapot', url: `${httpbin.url}/status/418`, test: status(200) },
    ])
    const run = await runWithReport([path])
    expect(run.code).toBe(1)
    expect(run.report!.run.failures[0]).toMatchObject({
      error: { name: 'AssertionError' },
      source: { name: 'Teapot' },
    })
  })

  it('1 for a transport error (a refused connection)', async () => {
    const path = collection([{ name: 'Nobody', url: 'http://127.0.0.1:9/' }])
    const run = await runWithReport([path])
    expect(run.code).toBe(1)
    expect(run.report!.run.stats.requests).toEqual({ total: 1, failed: 1 })
  })

  it('-x/--suppress-exit-code exits 0 even so', async () => {
    const path = collection([
      { name: 'Teapot', url: `${httpbin.url}/status/418`, test: status(200) },
    ])
    expect((await runWithReport([path, '-x'])).code).toBe(0)
  })
})

describe('courier run: bad input exits 2 with what is wrong and what to do', () => {
  const expectUsage = async (args: string[], ...messages: (string | RegExp)[]) => {
    const run = await runCourier(['run', ...args], { dataDir: join(dir, 'data') })
    expect(run.code).toBe(2)
    for (const m of messages) expect(run.stderr).toMatch(m)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    return run
  }

  it('a missing collection file', async () => {
    await expectUsage(
      [join(dir, 'nope.json')],
      /The collection file ".*nope\.json" cannot be read: there is no such file/,
    )
  })

  it('a collection that is not valid JSON, or not a Postman collection', async () => {
    await expectUsage(
      [file('broken.json', '{"info": {"name": "x",}}')],
      /is not valid JSON at line 1/,
    )
    await expectUsage(
      [file('other.json', '{"openapi": "3.0.0"}')],
      /does not look like a Postman collection/,
    )
  })

  it('a CSV data file with a short row names the file and the line', async () => {
    const path = collection([{ name: 'Get', url: `${httpbin.url}/get` }])
    const csv = file('rows.csv', 'user,id\nann,1\nbob\n')
    await expectUsage(
      [path, '-d', csv],
      /-d: ".*rows\.csv", line 3: 1 value where the header row \(user,id\) has 2 columns/,
    )
  })

  it('an unknown reporter, a bad number, a name=value without =, a URL instead of a file', async () => {
    const path = collection([{ name: 'Get', url: `${httpbin.url}/get` }])
    await expectUsage(
      [path, '-r', 'cli,teamcity'],
      /Unknown reporter "teamcity".*cli, json, junit, html/,
    )
    await expectUsage(
      [path, '-n', 'two'],
      /-n\/--iteration-count "two" is not a whole number of 1 or more/,
    )
    await expectUsage([path, '--env-var', 'token'], /--env-var "token" is not name=value/)
    await expectUsage(
      ['https://api.getpostman.com/collections/123'],
      /Courier reads only files and never downloads one\. Download it first/,
    )
  })

  it('a --folder that the collection does not have', async () => {
    const path = collection([{ name: 'Get', url: `${httpbin.url}/get` }])
    await expectUsage([path, '--folder', 'Users'], /No folder or request named "Users"/)
  })
})

describe('courier run: newman flags that change the run', () => {
  const echo = `pm.test('echo ' + pm.iterationData.get('user'), () => pm.expect(pm.response.json().args.user).to.eql(pm.variables.get('user')))`

  it('-d: each data row is one iteration, as pm.iterationData and {{variables}}', async () => {
    const path = collection([{ name: 'Echo', url: `${httpbin.url}/get?user={{user}}`, test: echo }])
    const run = await runWithReport([path, '-d', file('users.csv', 'user\nann\nbob\n')])
    expect(run.code).toBe(0)
    expect(urls(run)).toEqual(['/get?user=ann', '/get?user=bob'])
    expect(run.report!.run.executions.map((e) => e.assertions[0]!.assertion)).toEqual([
      'echo ann',
      'echo bob',
    ])
  })

  it('-n: that many iterations, the last data row repeated past the end', async () => {
    const path = collection([{ name: 'Echo', url: `${httpbin.url}/get?user={{user}}` }])
    const run = await runWithReport([
      path,
      '-d',
      file('u.json', '[{"user":"ann"},{"user":"bob"}]'),
      '-n',
      '3',
    ])
    expect(urls(run)).toEqual(['/get?user=ann', '/get?user=bob', '/get?user=bob'])
    expect(run.report!.run.stats.iterations.total).toBe(3)
  })

  it('--folder: only the requests of that folder', async () => {
    const path = collection([
      { name: 'Top', url: `${httpbin.url}/get?top` },
      { folder: 'Users', items: [{ name: 'List', url: `${httpbin.url}/get?users=1` }] },
      { folder: 'Admin', items: [{ name: 'Page', url: `${httpbin.url}/get?admin=1` }] },
    ])
    expect(urls(await runWithReport([path, '--folder', 'Users']))).toEqual(['/get?users=1'])
  })

  it('--env-var and --global-var: values for {{variables}}, the environment over the globals', async () => {
    const path = collection([{ name: 'Echo', url: `${httpbin.url}/get?a={{a}}&b={{b}}` }])
    const run = await runWithReport([
      path,
      '--global-var',
      'a=global',
      '--global-var',
      'b=global',
      '--env-var',
      'b=env=1',
    ])
    expect(urls(run)).toEqual(['/get?a=global&b=env%3D1'])
  })

  it('-e and -g: Postman environment and globals exports', async () => {
    const path = collection([{ name: 'Echo', url: `${httpbin.url}/get?a={{a}}&b={{b}}` }])
    const env = file(
      'env.json',
      JSON.stringify({ name: 'Env', values: [{ key: 'b', value: 'from-env', enabled: true }] }),
    )
    const globals = file(
      'globals.json',
      JSON.stringify({
        values: [{ key: 'a', value: 'from-globals' }],
        _postman_variable_scope: 'globals',
      }),
    )
    expect(urls(await runWithReport([path, '-e', env, '-g', globals]))).toEqual([
      '/get?a=from-globals&b=from-env',
    ])
  })

  it('--bail: the run stops at the first failure', async () => {
    const path = collection([
      { name: 'Fails', url: `${httpbin.url}/status/500`, test: status(200) },
      { name: 'Never', url: `${httpbin.url}/get` },
    ])
    const run = await runWithReport([path, '--bail'])
    expect(run.code).toBe(1)
    expect(urls(run)).toEqual(['/status/500'])
    expect(run.stderr).toContain('Stopped at the first failure')
  })

  it('--timeout-request: a slow response fails as a timeout', async () => {
    const path = collection([{ name: 'Slow', url: `${httpbin.url}/delay/3` }])
    const run = await runWithReport([path, '--timeout-request', '300'])
    expect(run.code).toBe(1)
    expect(run.report!.run.failures[0]!.error.message).toMatch(/300 ms|timed out|time/i)
    expect(run.report!.run.stats.requests).toEqual({ total: 1, failed: 1 })
  })

  it('-k: a self-signed certificate fails the run without it and passes with it', async () => {
    const path = collection([{ name: 'Secure', url: `${tls.url}/`, test: status(200) }])
    const strict = await runWithReport([path])
    expect(strict.code).toBe(1)
    expect(strict.report!.run.stats.requests.failed).toBe(1)
    const insecure = await runWithReport([path, '-k'])
    expect(insecure.code).toBe(0)
    expect(insecure.report!.run.stats.assertions).toEqual({ total: 1, failed: 0 })
  })

  it('--ignore-redirects: the redirect itself is the response', async () => {
    const path = collection([
      { name: 'Moved', url: `${httpbin.url}/redirect-to?url=%2Fget&status_code=302` },
    ])
    expect((await runWithReport([path])).report!.run.executions[0]!.response!.code).toBe(200)
    expect(
      (await runWithReport([path, '--ignore-redirects'])).report!.run.executions[0]!.response!.code,
    ).toBe(302)
  })
})

describe('courier run: output', () => {
  it('-r cli,json,junit,html writes each report where its flag says', async () => {
    const path = collection(
      [
        { name: 'Ok', url: `${httpbin.url}/get`, test: status(200) },
        { name: 'Teapot <&>', url: `${httpbin.url}/status/418`, test: status(200) },
      ],
      'Reports',
    )
    const out = (ext: string) => join(dir, `all-${files}.${ext}`)
    const run = await runCourier(
      [
        'run',
        path,
        '-r',
        'cli,json,junit,html',
        '--color',
        'off',
        '--reporter-json-export',
        out('json'),
        '--reporter-junit-export',
        out('xml'),
        '--reporter-html-export',
        out('html'),
      ],
      { dataDir: join(dir, 'data') },
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('→ Ok')
    const json = JSON.parse(readFileSync(out('json'), 'utf8')) as {
      run: { stats: { assertions: unknown } }
    }
    expect(json.run.stats.assertions).toEqual({ total: 2, failed: 1 })
    const xml = readFileSync(out('xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toMatch(/<testsuites[^>]*tests="2"[^>]*failures="1"/)
    const html = readFileSync(out('html'), 'utf8')
    expect(html).toContain('Reports')
    expect(html).toContain('Teapot &lt;&amp;&gt;')
  })

  it('--silent prints nothing, and the reports still write', async () => {
    const path = collection([
      { name: 'Teapot', url: `${httpbin.url}/status/418`, test: status(200) },
    ])
    const report = join(dir, `silent-${++files}.json`)
    const run = await runCourier(
      ['run', path, '--silent', '-r', 'cli,json', '--reporter-json-export', report],
      {
        dataDir: join(dir, 'data'),
      },
    )
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' })
    expect(existsSync(report)).toBe(true)
  })

  it('Ctrl-C stops the run, the reports still write, and the exit code is 1', async () => {
    const path = collection(
      [1, 2, 3].map((n) => ({ name: `Slow ${n}`, url: `${httpbin.url}/delay/5` })),
    )
    const report = join(dir, `stopped-${++files}.json`)
    const child = spawn(
      process.execPath,
      [
        resolve('bin/courier.mjs'),
        'run',
        path,
        '-r',
        'cli,json',
        '--reporter-json-export',
        report,
        '--color',
        'off',
      ],
      { env: { ...process.env, COURIER_DATA_DIR: join(dir, 'data') } },
    )
    let stdout = ''
    let stopped = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      // Stopped once the first request is on its way: the run has its Ctrl-C handler by then.
      if (!stopped && stdout.includes('→ Slow 1')) {
        stopped = true
        child.kill('SIGINT')
      }
    })
    const code = await new Promise<number | null>((done) => child.on('exit', done))
    expect(code).toBe(1)
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      run: { stats: { requests: { total: number } } }
    }
    expect(json.run.stats.requests.total).toBe(1)
    expect(stdout).not.toContain('→ Slow 2')
  })
})

import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, type RunningServer } from '../servers'
import { runFixtures, status, urlsOf } from './runFixtures'

let httpbin: RunningServer
const fx = runFixtures('courier-cli-run-')

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  await httpbin?.close()
})

describe('courier run: exit codes', () => {
  it('0 when every test passed, with newman-like lines on stdout', async () => {
    const path = fx.collection([{ name: 'Get', url: `${httpbin.url}/get`, test: status(200) }])
    const run = await fx.courier([path, '--color', 'off'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('→ Get')
    expect(run.stdout).toContain('✓  status 200')
    expect(run.stdout).toMatch(/assertions\s*│\s*1\s*│\s*0/)
  })

  it('1 when a test failed, with the failure listed', async () => {
    const path = fx.collection([
      { name: 'Teapot', url: `${httpbin.url}/status/418`, test: status(200) },
    ])
    const run = await fx.runWithReport([path])
    expect(run.code).toBe(1)
    expect(run.report!.run.failures[0]).toMatchObject({
      error: { name: 'AssertionError' },
      source: { name: 'Teapot' },
    })
  })

  it('1 for a transport error (a refused connection)', async () => {
    const path = fx.collection([{ name: 'Nobody', url: 'http://127.0.0.1:9/' }])
    const run = await fx.runWithReport([path])
    expect(run.code).toBe(1)
    expect(run.report!.run.stats.requests).toEqual({ total: 1, failed: 1 })
  })

  it("sends path variables' values in the URL, as newman does, with no note for them", async () => {
    const url = {
      raw: '{{base}}/status/:code',
      host: ['{{base}}'],
      path: ['status', ':code'],
      variable: [{ key: 'code', value: '201' }],
    }
    const path = fx.file(
      'path-variables.json',
      JSON.stringify({
        info: {
          name: 'Path variables',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [
          {
            name: 'Created',
            request: { url },
            event: [{ listen: 'test', script: { exec: [status(201)] } }],
          },
        ],
      }),
    )
    const run = await fx.runWithReport([path, '--env-var', `base=${httpbin.url}`])
    expect(run.code).toBe(0)
    expect(urlsOf(run.report, httpbin.url)).toEqual(['/status/201'])
    expect(run.stderr).not.toMatch(/path variable/)
  })

  it('-x/--suppress-exit-code exits 0 even so', async () => {
    const path = fx.collection([
      { name: 'Teapot', url: `${httpbin.url}/status/418`, test: status(200) },
    ])
    expect((await fx.runWithReport([path, '-x'])).code).toBe(0)
  })
})

describe('courier run: bad input exits 2 with what is wrong and what to do', () => {
  const expectUsage = async (args: string[], ...messages: (string | RegExp)[]) => {
    const run = await fx.courier(args)
    expect(run.code).toBe(2)
    for (const m of messages) expect(run.stderr).toMatch(m)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    return run
  }

  it('a missing collection file', async () => {
    await expectUsage(
      [join(fx.dir, 'nope.json')],
      /The collection file ".*nope\.json" cannot be read: there is no such file/,
    )
  })

  it('a collection that is not valid JSON, or not a Postman collection', async () => {
    await expectUsage(
      [fx.file('broken.json', '{"info": {"name": "x",}}')],
      /is not valid JSON at line 1/,
    )
    await expectUsage(
      [fx.file('other.json', '{"openapi": "3.0.0"}')],
      /does not look like a Postman collection/,
    )
  })

  it('a CSV data file with a short row names the file and the line', async () => {
    const path = fx.collection([{ name: 'Get', url: `${httpbin.url}/get` }])
    const csv = fx.file('rows.csv', 'user,id\nann,1\nbob\n')
    await expectUsage(
      [path, '-d', csv],
      /-d: ".*rows\.csv", line 3: 1 value where the header row \(user,id\) has 2 columns/,
    )
  })

  it('an unknown reporter, a bad number, a name=value without =, a URL instead of a file', async () => {
    const path = fx.collection([{ name: 'Get', url: `${httpbin.url}/get` }])
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
    const path = fx.collection([{ name: 'Get', url: `${httpbin.url}/get` }])
    await expectUsage([path, '--folder', 'Users'], /No folder or request named "Users"/)
  })
})

describe('courier run: output', () => {
  it('-r cli,json,junit,html writes each report where its flag says', async () => {
    const path = fx.collection(
      [
        { name: 'Ok', url: `${httpbin.url}/get`, test: status(200) },
        { name: 'Teapot <&>', url: `${httpbin.url}/status/418`, test: status(200) },
      ],
      'Reports',
    )
    const base = fx.output('all')
    const out = (ext: string) => `${base}.${ext}`
    const run = await fx.courier([
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
    ])
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
    const path = fx.collection([
      { name: 'Teapot', url: `${httpbin.url}/status/418`, test: status(200) },
    ])
    const report = fx.output('silent.json')
    const run = await fx.courier([
      path,
      '--silent',
      '-r',
      'cli,json',
      '--reporter-json-export',
      report,
    ])
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' })
    expect(existsSync(report)).toBe(true)
  })

  it('Ctrl-C stops the run, the reports still write, and the exit code is 1', async () => {
    const path = fx.collection(
      [1, 2, 3].map((n) => ({ name: `Slow ${n}`, url: `${httpbin.url}/delay/5` })),
    )
    const report = fx.output('stopped.json')
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
      { env: { ...process.env, COURIER_DATA_DIR: join(fx.dir, 'data') } },
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

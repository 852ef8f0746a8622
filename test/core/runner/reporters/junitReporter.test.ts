import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createReporters } from '../../../../electron/core/runner/reporters/runReporter'
import type { RunEvent } from '../../../../shared/model/run'
import { buildRun, fail, feed, pass, refused } from './runEvents'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-junit-report-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Failure {
  message: string
  type: string
  '#text': string
}
interface TestCase {
  name: string
  classname: string
  time: string
  failure?: Failure
  error?: Failure
}
interface TestSuite {
  name: string
  tests: string
  failures: string
  errors: string
  time: string
  timestamp: string
  testcase: TestCase[]
  'system-out'?: string
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
})

async function junit(events: RunEvent[]) {
  const [reporter] = createReporters(['junit'], { cwd: dir, junit: { export: 'junit.xml' } })
  await feed([reporter!], events)
  const xml = await readFile(join(dir, 'junit.xml'), 'utf8')
  expect(XMLValidator.validate(xml)).toBe(true)
  const root = parser.parse(xml).testsuites as {
    name: string
    tests: string
    failures: string
    errors: string
    time: string
    testsuite: TestSuite[]
  }
  return { xml, root, suites: root.testsuite }
}

const NASTY = `<b>"Tom" & 'Jerry'</b>\u0001\u001b[31m`

const items = () => [
  { name: 'List products', tests: [pass('status is 200'), pass('has items')] },
  {
    name: 'Get user',
    folder: 'Users',
    tests: (i: number) => [
      pass('status is 200'),
      i === 1 ? fail(`name ${NASTY}`, `expected ${NASTY}`) : pass(`name ${NASTY}`),
    ],
    console: [{ level: 'log' as const, text: 'user loaded' }],
  },
  { name: 'Health', error: refused },
  {
    name: 'Scripted',
    scriptFailure: {
      script: 'request Scripted',
      event: 'postResponse' as const,
      message: 'TypeError: y is undefined',
    },
    tests: [pass('status is 200')],
  },
]

describe('junit reporter', () => {
  it('writes one testsuite per request per iteration, with counts that add up', async () => {
    const { root, suites } = await junit(buildRun({ iterations: 2, items: items() }).events)
    expect(suites).toHaveLength(8)
    expect(suites.map((s) => s.name)).toEqual([
      'List products (iteration 1)',
      'Users/Get user (iteration 1)',
      'Health (iteration 1)',
      'Scripted (iteration 1)',
      'List products (iteration 2)',
      'Users/Get user (iteration 2)',
      'Health (iteration 2)',
      'Scripted (iteration 2)',
    ])
    const cases = suites.flatMap((s) => s.testcase ?? [])
    expect(root.name).toBe('Shop API')
    expect(Number(root.tests)).toBe(cases.length)
    expect(cases).toHaveLength(14)
    expect(Number(root.failures)).toBe(cases.filter((c) => c.failure).length)
    expect(Number(root.failures)).toBe(1)
    expect(Number(root.errors)).toBe(cases.filter((c) => c.error).length)
    expect(Number(root.errors)).toBe(4)
    expect(root.time).toBe('2.500')
    for (const s of suites) {
      const own = s.testcase ?? []
      expect(Number(s.tests)).toBe(own.length)
      expect(Number(s.failures)).toBe(own.filter((c) => c.failure).length)
      expect(Number(s.errors)).toBe(own.filter((c) => c.error).length)
      // dorny/test-reporter reads name and time of every suite and case; Jenkins the classname.
      expect(s.time).toMatch(/^\d+\.\d{3}$/)
      expect(s.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
      for (const c of own) {
        expect(c.name).not.toBe('')
        expect(c.time).toMatch(/^\d+\.\d{3}$/)
      }
    }
  })

  it('names a suite by the request path alone in a single iteration', async () => {
    const { suites } = await junit(buildRun({ items: items() }).events)
    expect(suites.map((s) => s.name)).toEqual([
      'List products',
      'Users/Get user',
      'Health',
      'Scripted',
    ])
  })

  it('gives each test a testcase named after it, classname the request path', async () => {
    const { suites } = await junit(buildRun({ items: items() }).events)
    expect(suites[0]!.testcase).toEqual([
      { name: 'status is 200', classname: 'List products', time: '0.023' },
      { name: 'has items', classname: 'List products', time: '0.023' },
    ])
  })

  it('keeps <&"\' in messages and writes control characters XML cannot hold as escapes', async () => {
    const { suites, xml } = await junit(buildRun({ iterations: 2, items: items() }).events)
    const failed = suites[5]!.testcase.find((c) => c.failure)!
    const shown = `<b>"Tom" & 'Jerry'</b>\\u0001\\u001B[31m`
    expect(failed.name).toBe(`name ${shown}`)
    expect(failed.classname).toBe('Users/Get user')
    expect(failed.failure).toEqual({
      message: `expected ${shown}`,
      type: 'AssertionFailure',
      '#text': `expected ${shown}`,
    })
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
    expect(suites[5]!['system-out']).toBe('user loaded')
  })

  it('turns a transport error into a RequestError and a thrown script into a ScriptError', async () => {
    const { suites } = await junit(buildRun({ items: items() }).events)
    const [request] = suites[2]!.testcase
    expect(request).toMatchObject({ name: 'request sent', classname: 'Health' })
    expect(request!.error).toMatchObject({ type: 'RequestError', message: refused.message })
    expect(request!.error!['#text']).toContain(`REFUSED: ${refused.message}\n${refused.hint}`)
    const [script, test] = suites[3]!.testcase
    expect(script).toMatchObject({ name: 'post-response script (request Scripted)' })
    expect(script!.error).toMatchObject({
      type: 'ScriptError',
      message: 'post-response script of request Scripted: TypeError: y is undefined',
    })
    expect(test).toMatchObject({ name: 'status is 200' })
    expect(test!.failure).toBeUndefined()
  })

  it('keeps names unique where GitLab keys tests by suite, classname and name', async () => {
    // setNextRequest sends "Poll" twice in one iteration, whose two tests share a name.
    const { events } = buildRun({
      items: [
        { name: 'Poll', tests: [pass('ready'), pass('ready')] },
        { name: 'Poll', tests: [pass('ready')] },
      ],
    })
    const { suites } = await junit(events)
    expect(suites.map((s) => s.name)).toEqual(['Poll', 'Poll (send 2)'])
    expect(suites[0]!.testcase.map((c) => c.name)).toEqual(['ready', 'ready (2)'])
  })
})

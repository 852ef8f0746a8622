import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../cli/runCourier'
import { startHttpbin, type RunningServer } from '../servers'
import { collections, data, runCourierRun, runNewman, type Outcome } from './runBoth'

/**
 * The same Postman collections, data and flags run by newman (a devDependency) and by the
 * built `courier run`, against the same httpbin: their json reports must agree on newman's
 * five counts, on every failure (request, kind, test name) and on every request sent with
 * its tests, in order. Messages are not compared: chai's wording and Courier's differ.
 */
let httpbin: RunningServer
let dir: string
let reports = 0

beforeAll(async () => {
  httpbin = await startHttpbin()
  dir = tempDir('courier-conformance-')
})
afterAll(async () => {
  await httpbin?.close()
})

/** Runs both tools on `collection` with `flags`; the base URL comes in as --env-var, as CI lines do. */
async function both(collection: string, flags: string[] = []) {
  const args = [
    join(collections, `${collection}.postman_collection.json`),
    '--env-var',
    `baseUrl=${httpbin.url}`,
    ...flags,
  ]
  const n = ++reports
  const [newman, courier] = await Promise.all([
    runNewman(args, join(dir, `newman-${n}.json`)),
    runCourierRun(args, join(dir, `courier-${n}.json`), join(dir, 'data')),
  ])
  return { newman, courier }
}

function expectAgreement({ newman, courier }: { newman: Outcome; courier: Outcome }) {
  expect(courier.stats).toEqual(newman.stats)
  expect(courier.failures).toEqual(newman.failures)
  expect(courier.executions).toEqual(newman.executions)
  expect(courier.exitCode).toBe(newman.exitCode)
}

/**
 * As expectAgreement, for collections whose scripts call pm.sendRequest: newman also lists
 * each script request as an execution of the request that sent it, so the executions are
 * compared as a set.
 */
function expectAgreementWithScriptRequests({
  newman,
  courier,
}: {
  newman: Outcome
  courier: Outcome
}) {
  expect(courier.stats).toEqual(newman.stats)
  expect(courier.failures).toEqual(newman.failures)
  expect(courier.exitCode).toBe(newman.exitCode)
  expect(new Set(courier.executions)).toEqual(new Set(newman.executions))
}

describe('courier run agrees with newman 6', () => {
  it('tests, chai assertions, a failing test, test and pre-request scripts that throw, an error inside a test, cookies, a urlencoded body a pre-request script edits', async () => {
    const run = await both('basics')
    expectAgreement(run)
    // The collection exercises what it says: a failure of each kind, not a clean run.
    expect(run.newman.stats.assertions).toEqual({ total: 16, failed: 2 })
    expect(run.newman.stats.testScripts.failed).toBe(1)
    expect(run.newman.stats.prerequestScripts.failed).toBe(1)
    expect(run.newman.exitCode).toBe(1)
  })

  it('environment and globals files, --env-var, and values scripts set, read and unset in each scope; pm.request in a test is the request as sent; pm.environment.name; the legacy request global', async () => {
    const run = await both('variables', [
      '-e',
      join(data, 'environment.postman_environment.json'),
      '-g',
      join(data, 'globals.postman_globals.json'),
      '--env-var',
      'cliValue=from-cli',
    ])
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 11, failed: 1 })
  })

  it('iteration data from a CSV file: one iteration per row, values as variables and pm.iterationData', async () => {
    const run = await both('data', ['-d', join(data, 'users.csv')])
    expectAgreement(run)
    expect(run.newman.stats.iterations.total).toBe(3)
    expect(run.newman.failures).toEqual([
      '1 Lookup user: assertion id matches the expected one for bob',
    ])
  })

  it('iteration data from a JSON file, numbers among the values', async () => {
    const run = await both('data', ['-d', join(data, 'users.json')])
    expectAgreement(run)
    expect(run.newman.stats.iterations.total).toBe(3)
  })

  it('typed values: JSON data as numbers, booleans, objects and lists; values scripts set keep their type in later requests and iterations', async () => {
    const run = await both('typed', ['-d', join(data, 'typed.json')])
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 10, failed: 1 })
    expect(run.newman.failures).toEqual([
      '1 Kept with their type: assertion a check that fails in the second iteration',
    ])
  })

  it('-n past the rows of the data file repeats the last row', async () => {
    const run = await both('data', ['-d', join(data, 'users.csv'), '-n', '5'])
    expectAgreement(run)
    expect(run.newman.executions.at(-2)).toContain('4 Lookup user: ✓ user carol, c is sent')
  })

  it('setNextRequest: a jump over a request, a request repeated until a condition, null ending the iteration; over two iterations', async () => {
    const run = await both('flow', ['-n', '2'])
    expectAgreement(run)
    expect(run.newman.stats.requests.total).toBe(10)
    expect(run.newman.executions.slice(0, 5).map((e) => e.split(':')[0])).toEqual([
      '0 Start',
      '0 Poll',
      '0 Poll',
      '0 Poll',
      '0 Finish',
    ])
  })

  it('collection and folder pre-request and test scripts around each request; pm.execution.location and its current', async () => {
    const run = await both('levels')
    expectAgreement(run)
    expect(run.newman.stats.prerequestScripts.total).toBe(6)
    expect(run.newman.stats.testScripts.total).toBe(10)
    // Every test passes, pm.execution.location's among them.
    expect(run.newman.failures.filter((f) => f.includes('location'))).toEqual([])
  })

  it('--folder runs only that folder, with the collection scripts above it', async () => {
    const run = await both('levels', ['--folder', 'Users'])
    expectAgreement(run)
    expect(run.newman.executions.map((e) => e.split(':')[0])).toEqual([
      '0 List users',
      '0 Broken user',
    ])
  })

  it("Postman's sandbox libraries: an HMAC signature by crypto-js, a date by moment, a uuid, lodash in tests; pm.info.requestId is the item's id", async () => {
    const run = await both('libraries')
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 7, failed: 1 })
    expect(run.newman.failures).toEqual(['0 Signed request: assertion a lodash check that fails'])
  })

  it('JSON Schema checks: pm.response.to.have.jsonSchema and pm.expect(...).to.have.jsonSchema by ajv, tv4.validate in tests[]', async () => {
    const run = await both('schemas')
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 8, failed: 3 })
    expect(run.newman.failures).toEqual([
      '0 Echoed arguments: assertion a schema the body does not match',
      '0 Echoed arguments: assertion formats are checked',
      '0 Echoed arguments: assertion tv4 rejects a title that is not a number',
    ])
  })

  it("xml2Json: an XML response read into the shape of Postman's xml2js; pm.visualizer.set taken, as newman takes it", async () => {
    const run = await both('xml')
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 5, failed: 1 })
    expect(run.newman.failures).toEqual([
      '0 Slideshow XML: assertion a check on the XML that fails',
    ])
  })

  it("Node's modules and the other libraries Postman lends: Buffer for a Basic auth header, url, querystring, util, path, events, string_decoder, assert, cheerio, xml2js and csv-parse", async () => {
    const run = await both('nodeModules')
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 13, failed: 1 })
    expect(run.newman.failures).toEqual([
      "0 Node's modules in tests: assertion assert fails a test as pm.expect does",
    ])
  })

  it('pm.request.auth: scripts read the auth, change its parameters, give a request auth or switch its type, and the send carries it', async () => {
    const run = await both('auth', ['--env-var', 'user=ada'])
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 7, failed: 1 })
    expect(run.newman.failures).toEqual(['0 Switched to apikey: assertion a check that fails'])
  })

  it("pm.request.body: a script makes a body JSON, edits a JSON body, updates one with text, replaces a form's fields and makes a form XML; each goes with its language's Content-Type", async () => {
    const run = await both('bodies')
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 7, failed: 1 })
    expect(run.newman.failures).toEqual(['0 Form replaced: assertion a check that fails'])
  })

  it("Postman's dynamic variables ({{$guid}}, {{$randomEmail}}, ...) in the URL and the body, and in pm.variables.replaceIn", async () => {
    const run = await both('dynamic')
    expectAgreement(run)
    expect(run.newman.stats.assertions).toEqual({ total: 4, failed: 1 })
    expect(run.newman.failures).toEqual(['0 In scripts: assertion a check that fails'])
  })

  it("pm.cookies.jar(): a script reads the server's cookie, sets, unsets and clears cookies in the run's jar, and the next requests send what is left; pm.sendRequest shares that jar", async () => {
    const run = await both('cookieJar')
    expectAgreementWithScriptRequests(run)
    expect(run.newman.stats.assertions).toEqual({ total: 8, failed: 1 })
    expect(run.newman.failures).toEqual([
      '0 Sent with the next request: assertion a check on the jar that fails',
    ])
  })

  it('pm.sendRequest: each script request counts in run.stats.requests, as in newman', async () => {
    const run = await both('sendRequest')
    expectAgreementWithScriptRequests(run)
    // Two collection requests and two script requests (one in a pre-request script, one in a test script).
    expect(run.newman.stats.requests.total).toBe(4)
  })
})

describe('where newman and Courier count differently (asserted, so a change on either side shows)', () => {
  it('--bail: both stop after the first failing request; newman also reports the bail as a test-script failure', async () => {
    const { newman, courier } = await both('basics', ['--bail'])
    expect(courier.executions).toEqual(newman.executions)
    expect(courier.stats.requests).toEqual(newman.stats.requests)
    expect(courier.stats.assertions).toEqual(newman.stats.assertions)
    expect(newman.stats.testScripts.failed).toBe(courier.stats.testScripts.failed + 1)
    expect(newman.failures).toEqual([...courier.failures, '0 Not found: test-script'])
    expect(courier.exitCode).toBe(1)
  })
})

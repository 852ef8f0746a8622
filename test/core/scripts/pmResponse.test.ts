import { describe, expect, it } from 'vitest'
import { fileRunner, JSON_RESPONSE, logged, run } from './harness'

const runner = fileRunner()
/** Each header line as sent: name, ": ", value, CRLF. */
const headerBytes = JSON_RESPONSE.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0)

/** The failure message of each test, or 'pass'. */
const outcomes = (result: Awaited<ReturnType<typeof run>>) =>
  result.tests.map((t) => (t.passed ? 'pass' : t.error))

describe('pm.response', () => {
  it('gives code, status, headers, body, time and size', async () => {
    const result = await run(
      runner,
      `const r = pm.response
       console.log(r.code, r.status, r.reason(), r.responseTime, r.responseSize)
       console.log(r.headers.get('content-type'), r.headers.get('X-TRACE'), r.headers.has('x-trace', 'one'), r.headers.has('nope'))
       console.log(JSON.stringify(r.headers.toObject()))
       console.log(r.json().user.name, r.text().length, JSON.stringify(r.size()))
       console.log(r.headers.count(), r.headers.all().map((h) => h.key).join())`,
    )
    expect(logged(result)).toEqual([
      '200 OK OK 42 88',
      'application/json; charset=utf-8 two true false',
      JSON.stringify({
        'content-type': 'application/json; charset=utf-8',
        'set-cookie': 'session=abc123; Path=/; HttpOnly',
        'x-trace': ['one', 'two'],
      }),
      `Jane ${JSON_RESPONSE.body.length} {"body":88,"header":${headerBytes},"total":${88 + headerBytes}}`,
      '4 Content-Type,Set-Cookie,X-Trace,X-Trace',
    ])
  })

  it('says why json() fails on a body that is not JSON', async () => {
    const result = await run(runner, `pm.response.json()`, {
      response: { ...JSON_RESPONSE, body: '<html>' },
    })
    expect(result.error?.message).toMatch(/^JSONError: the response body is not JSON/)
    expect(result.error?.line).toBe(1)
  })

  it('passes Postman response assertions that hold', async () => {
    const result = await run(
      runner,
      `pm.test('1', () => pm.response.to.have.status(200))
       pm.test('2', () => pm.response.to.have.status('OK'))
       pm.test('3', () => pm.response.to.be.ok)
       pm.test('4', () => pm.response.to.be.success)
       pm.test('5', () => pm.response.to.not.be.error)
       pm.test('6', () => pm.response.to.have.header('X-Trace'))
       pm.test('7', () => pm.response.to.have.header('x-trace', 'two'))
       pm.test('8', () => pm.response.to.have.body())
       pm.test('9', () => pm.response.to.have.body(/tok-1/))
       pm.test('10', () => pm.response.to.have.jsonBody())
       pm.test('11', () => pm.response.to.have.jsonBody('user.name', 'Jane'))
       pm.test('12', () => pm.response.to.have.jsonBody('items[1]'))
       pm.test('13', () => pm.response.to.be.json)
       pm.test('14', () => pm.response.to.have.responseTime.below(100))
       pm.test('15', () => pm.response.to.not.be.clientError)
       pm.test('16', () => pm.response.to.be.withBody.and.to.have.status(200))
       pm.test('17', () => pm.response.to.have.statusCodeClass(2))
       pm.test('18', () => pm.expect(pm.response).to.be.json)
       pm.test('19', () => pm.expect(pm.response).to.have.statusCodeClass(2))`,
    )
    expect(outcomes(result)).toEqual(Array(19).fill('pass'))
  })

  it("fails them with Postman's messages", async () => {
    const result = await run(
      runner,
      `pm.test('1', () => pm.response.to.have.status(201))
       pm.test('2', () => pm.response.to.not.have.status(200))
       pm.test('3', () => pm.response.to.be.notFound)
       pm.test('4', () => pm.response.to.be.clientError)
       pm.test('5', () => pm.response.to.be.serverError)
       pm.test('6', () => pm.response.to.be.error)
       pm.test('7', () => pm.response.to.have.header('X-Missing'))
       pm.test('8', () => pm.response.to.have.header('X-Trace', 'one'))
       pm.test('9', () => pm.response.to.have.body('exact'))
       pm.test('10', () => pm.response.to.have.jsonBody('user.email'))
       pm.test('11', () => pm.response.to.have.jsonBody('user.id', 8))
       pm.test('12', () => pm.response.to.have.responseTime.below(10))
       pm.test('13', () => pm.response.to.have.status('Created'))
       pm.test('14', () => pm.response.to.have.statusCodeClass(4))
       pm.test('15', () => pm.expect({ a: 1 }).to.be.json)
       pm.test('16', () => pm.response.to.be.html)
       pm.test('17', () => pm.response.to.not.be.xml)`,
    )
    expect(outcomes(result)).toEqual([
      'expected response to have status code 201 but got 200',
      'expected response to not have status code 200',
      'expected response to have status code 404 but got 200',
      'expected response code to be 4XX but found 200',
      'expected response code to be 5XX but found 200',
      'expected response code to be 4XX or 5XX but found 200',
      "expected response to have header with key 'X-Missing'",
      "expected 'X-Trace' response header to be 'one' but got 'two'",
      `expected response body to equal 'exact' but got '${JSON_RESPONSE.body}'`,
      expect.stringMatching(/in response to contain property 'user\.email'$/),
      'expected response body json at "user.id" to contain 8 but got 7',
      'expected response time 42 to be below 10',
      "expected response to have status reason 'Created' but got 'OK'",
      'expected response code to be 4XX but found 200',
      'expected a response for .json',
      // A word Postman's chain does not have fails, as in newman, rather than passing.
      'Error: Invalid Chai property: html',
      'Error: Invalid Chai property: xml',
    ])
  })

  it('is undefined in a pre-request script', async () => {
    const result = await run(runner, `console.log(typeof pm.response)`, { event: 'prerequest' })
    expect(logged(result)).toEqual(['undefined'])
  })

  it('reads cookies from the Set-Cookie headers', async () => {
    const result = await run(
      runner,
      `console.log(pm.cookies.get('session'), pm.cookies.has('session'), pm.cookies.has('other'))
       console.log(postman.getResponseCookie('session').httpOnly, postman.getResponseHeader('x-trace'))
       console.log(responseCookies.length, responseCookies[0].name, responseCookies[0].value)`,
    )
    expect(logged(result)).toEqual(['abc123 true false', 'true two', '1 session abc123'])
  })
})

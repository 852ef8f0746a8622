import { describe, expect, it } from 'vitest'
import { fileRunner, JSON_RESPONSE, logged, run } from './harness'

// Scripts as they appear in real Postman collections and in Postman's own snippets list,
// pasted unchanged.
const runner = fileRunner()

const created = {
  ...JSON_RESPONSE,
  code: 201,
  status: 'Created',
  body: JSON.stringify({ id: 12, name: 'Widget', token: 'jwt-abc', items: [{ id: 1, name: 'a' }] }),
}

describe("Postman's snippets", () => {
  it('pass on a response they describe', async () => {
    const result = await run(
      runner,
      `pm.test("Status code is 201", function () {
    pm.response.to.have.status(201);
});
pm.test("Body matches string", function () {
    pm.expect(pm.response.text()).to.include("Widget");
});
pm.test("Your test name", function () {
    var jsonData = pm.response.json();
    pm.expect(jsonData.id).to.eql(12);
});
pm.test("Content-Type is present", function () {
    pm.response.to.have.header("Content-Type");
});
pm.test("Response time is less than 200ms", function () {
    pm.expect(pm.response.responseTime).to.be.below(200);
});
pm.test("Successful POST request", function () {
    pm.expect(pm.response.code).to.be.oneOf([201, 202]);
});
pm.test("Status code name has string", function () {
    pm.response.to.have.status("Created");
});`,
      { response: created },
    )
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([
      ['Status code is 201', true],
      ['Body matches string', true],
      ['Your test name', true],
      ['Content-Type is present', true],
      ['Response time is less than 200ms', true],
      ['Successful POST request', true],
      ['Status code name has string', true],
    ])
  })

  it('fail with a message a tester can act on', async () => {
    const result = await run(
      runner,
      `pm.test("Status code is 200", function () {
    pm.response.to.have.status(200);
});
pm.test("Your test name", function () {
    var jsonData = pm.response.json();
    pm.expect(jsonData.value).to.eql(100);
});
pm.test("Body is correct", function () {
    pm.response.to.have.body("response_body_string");
});`,
      { response: created },
    )
    expect(result.tests.map((t) => t.error)).toEqual([
      'expected response to have status code 200 but got 201',
      'expected undefined to deeply equal 100',
      expect.stringMatching(
        /^expected response body to equal 'response_body_string' but got '\{"id":12/,
      ),
    ])
  })
})

describe('collection scripts', () => {
  it('keep a token from a login response, the old way and the new', async () => {
    const result = await run(
      runner,
      `var jsonData = JSON.parse(responseBody);
postman.setEnvironmentVariable("token", jsonData.token);
pm.environment.set("token2", pm.response.json().token);
pm.collectionVariables.set("lastId", pm.response.json().id);`,
      { response: created },
    )
    expect(result.variables.environment).toMatchObject({ token: 'jwt-abc', token2: 'jwt-abc' })
    expect(result.variables.collection.lastId).toBe('12')
  })

  it('check every item of a list', async () => {
    const result = await run(
      runner,
      `pm.test("Each item has an id and a name", () => {
    pm.response.json().items.forEach((item) => {
        pm.expect(item).to.have.all.keys('id', 'name');
        pm.expect(item.id).to.be.a('number');
    });
});`,
      { response: created },
    )
    expect(result.tests).toEqual([{ name: 'Each item has an id and a name', passed: true }])
  })

  it('choose the next request', async () => {
    const source = `if (pm.response.code === 201) {
    postman.setNextRequest("Get created item");
} else {
    postman.setNextRequest(null);
}`
    expect((await run(runner, source, { response: created })).nextRequest).toBe('Get created item')
    expect((await run(runner, source)).nextRequest).toBeNull()
  })

  it('prepare a request: auth header, timestamp, request id, basic credentials', async () => {
    const result = await run(
      runner,
      `pm.environment.set("timestamp", Date.now());
const requestId = pm.variables.replaceIn('{{$guid}}');
pm.variables.set('requestId', requestId);
pm.request.headers.add({ key: 'Authorization', value: 'Bearer ' + pm.environment.get('token') });
pm.request.headers.upsert({ key: 'X-Request-Id', value: requestId });
const basic = btoa(pm.environment.get('user') + ':' + pm.environment.get('pass'));
pm.request.headers.add({ key: 'X-Basic', value: 'Basic ' + basic });
console.log(typeof pm.environment.get("timestamp"));`,
      {
        event: 'prerequest',
        variables: { environment: { token: 't-1', user: 'jane', pass: 's3cret' } },
      },
    )
    expect(logged(result)).toEqual(['number'])
    expect(result.request.headers).toEqual([
      ['Accept', 'application/json'],
      ['Authorization', 'Bearer t-1'],
      ['X-Request-Id', result.variables.local.requestId],
      ['X-Basic', 'Basic amFuZTpzM2NyZXQ='],
    ])
    expect(Number(result.variables.environment.timestamp)).toBeGreaterThan(0)
  })

  it('name the Postman libraries Courier does not have', async () => {
    const cases: [string, string][] = [
      [
        'const sdk = require("postman-collection"); new sdk.Url("x")',
        'require("postman-collection") is not supported by Courier: scripts can require lodash, crypto-js, moment, uuid, chai, ajv, tv4, buffer, events, path, punycode, querystring, url, util, string_decoder, assert, stream, timers, xml2js, cheerio, csv-parse/lib/sync, atob, btoa only',
      ],
    ]
    for (const [source, message] of cases) {
      expect((await run(runner, source)).error?.message, source).toBe(`Error: ${message}`)
    }
  })
})

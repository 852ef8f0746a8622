import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { checkedSend, type CheckedSendDeps } from '../../../electron/core/checks/checkedSend'
import type { ScriptPort, ScriptRunInput } from '../../../electron/core/checks/scriptPort'
import { HttpEngine } from '../../../electron/core/http/engine'
import type { AssertionInput } from '../../../shared/model/assertion'
import { AssertionSchema } from '../../../shared/model/assertion'
import { startHttpbin } from '../../servers'
import { spec } from '../http/spec'

let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

/**
 * A stand-in for the sandbox that records what it was given and answers as told: the
 * orchestration is what is under test here (the sandbox has its own tests).
 */
function recordingScripts(
  answer: (input: ScriptRunInput) => Partial<Awaited<ReturnType<ScriptPort['run']>>> = () => ({}),
) {
  const runs: ScriptRunInput[] = []
  const port: ScriptPort = {
    async run(input) {
      runs.push(input)
      return {
        tests: [],
        console: [],
        request: input.request,
        variables: input.variables,
        skipRequest: false,
        ...answer(input),
      }
    },
  }
  return { port, runs }
}

function deps(scripts: ScriptPort | null = null): CheckedSendDeps {
  return {
    send: (s, variables) => engine.send({ spec: s, variables }),
    scripts,
    schemas: new SchemaCheck(),
    bodyText: async (r) => (r.bodyEncoding === 'utf8' ? r.body : null),
  }
}

const rows = (...list: AssertionInput[]) => list.map((r) => AssertionSchema.parse(r))

describe('a send with assertions, against httpbin', () => {
  it('checks the real response and reports each row', async () => {
    const { result } = await checkedSend(deps(), {
      spec: spec({
        url: `${httpbin.url}/get?who=ada`,
        assertions: rows(
          { target: 'status', operator: 'equals', expected: '{{expected}}' },
          { target: 'header', path: 'content-type', operator: 'contains', expected: 'json' },
          { target: 'jsonPath', path: '$.args.who', operator: 'equals', expected: 'ada' },
          {
            target: 'jsonPath',
            path: '$.args',
            operator: 'matchesSchema',
            expected: '{"type":"object","required":["page"]}',
          },
        ),
      }),
      variables: { expected: '200' },
      scriptLevels: [],
      requestName: 'JSON',
    })
    expect(result.ok).toBe(true)
    expect(result.checks?.tests.map((t) => [t.name, t.passed])).toEqual([
      ['status equals 200', true],
      ['header content-type contains json', true],
      ['jsonPath $.args.who equals ada', true],
      ['jsonPath $.args is valid against schema {"type":"object","required":["page"]}', false],
    ])
    expect(result.checks?.tests[3]?.error).toBe("value must have required property 'page'")
  })

  it('sends plainly, with no checks, a request that has neither scripts nor assertions', async () => {
    const { result, variables } = await checkedSend(deps(), {
      spec: spec({ url: `${httpbin.url}/get` }),
      variables: {},
      scriptLevels: [],
      requestName: 'Plain',
    })
    expect(result).toMatchObject({ ok: true, response: { status: 200 } })
    expect(result.checks).toBeUndefined()
    expect(variables).toBeNull()
  })
})

describe('a send with scripts', () => {
  it('runs pre-request scripts outermost first, sends their edits, then post-response scripts and assertions', async () => {
    const { port, runs } = recordingScripts((input) =>
      input.event === 'prerequest'
        ? {
            request: {
              ...input.request,
              headers: [...input.request.headers, ['X-From-Script', 'yes']],
            },
            variables: { ...input.variables, local: { ...input.variables.local, id: '42' } },
            console: [{ level: 'log', text: 'pre' }],
          }
        : {
            tests: [{ name: 'Status code is 200', passed: true }],
            console: [{ level: 'info', text: 'post' }],
          },
    )
    const { result } = await checkedSend(deps(port), {
      spec: spec({
        url: `${httpbin.url}/anything/{{id}}`,
        scripts: { preRequest: 'pm.variables.set("id", "42")', postResponse: 'pm.test(...)' },
        assertions: rows({
          target: 'jsonPath',
          path: '$.url',
          operator: 'contains',
          expected: '/anything/{{id}}',
        }),
      }),
      variables: {},
      scriptLevels: [
        { name: 'folder Users', scripts: { preRequest: 'console.log(1)', postResponse: '' } },
      ],
      scopes: { globals: { g: '1' }, collection: {}, environment: { e: '2' }, request: {} },
      requestName: 'Get user',
    })
    expect(runs.map((r) => [r.event, r.scripts.map((s) => s.name)])).toEqual([
      ['prerequest', ['folder Users', 'request Get user']],
      ['test', ['request Get user']],
    ])
    expect(runs[0]?.variables).toMatchObject({ globals: { g: '1' }, environment: { e: '2' } })
    expect(runs[1]?.response?.code).toBe(200)
    // pm.info.requestId: one for the send, the same before it and after.
    expect(runs[0]?.info.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(runs[1]?.info.requestId).toBe(runs[0]?.info.requestId)
    expect(result.ok && result.response.sent.headers).toContainEqual(['X-From-Script', 'yes'])
    expect(result.checks?.console.map((l) => l.text)).toEqual(['pre', 'post'])
    expect(result.checks?.tests.map((t) => [t.source, t.passed])).toEqual([
      ['post-response script', true],
      ['assertion', true],
    ])
  })

  it("gives post-response scripts the request as sent, as newman does: resolved, with the engine's headers, and its URL before redirects", async () => {
    const { port, runs } = recordingScripts()
    await checkedSend(deps(port), {
      spec: spec({
        method: 'POST',
        url: `${httpbin.url}/redirect-to?url={{to}}&status_code=307`,
        headers: [{ key: 'X-Id', value: '{{id}}', enabled: true }],
        body: { type: 'raw', contentType: 'application/json', text: '{"id":"{{id}}"}' },
        scripts: { preRequest: '', postResponse: 'pm.test(...)' },
      }),
      variables: { to: '/anything', id: '7' },
      scriptLevels: [],
      requestName: 'Redirected',
    })
    const [post] = runs
    expect(post?.request.url).toBe(`${httpbin.url}/redirect-to?url=/anything&status_code=307`)
    expect(post?.request.method).toBe('POST')
    expect(post?.request.headers).toContainEqual(['X-Id', '7'])
    expect(post?.request.headers.map(([name]) => name.toLowerCase())).toContain('content-type')
    expect(post?.request.body).toBe('{"id":"7"}')

    // No response (a run goes on): the request resolved all the same.
    const failed = recordingScripts()
    await checkedSend(deps(failed.port), {
      spec: spec({
        url: 'http://127.0.0.1:1/{{path}}',
        scripts: { preRequest: '', postResponse: 'pm.test(...)' },
      }),
      variables: { path: 'nowhere' },
      scriptLevels: [],
      requestName: 'Unreachable',
      onScriptError: 'continue',
    })
    expect(failed.runs[0]?.response?.code).toBe(0)
    expect(failed.runs[0]?.request.url).toBe('http://127.0.0.1:1/nowhere')
  })

  it("sends a pre-request script's edits of a urlencoded body's fields", async () => {
    const edited = recordingScripts((input) =>
      input.event === 'prerequest'
        ? {
            request: {
              ...input.request,
              form: [...(input.request.form ?? []), ['added', '{{v}}']],
            },
          }
        : {},
    )
    const { result } = await checkedSend(deps(edited.port), {
      spec: spec({
        method: 'POST',
        url: `${httpbin.url}/post`,
        body: { type: 'form', fields: [{ key: 'a', value: '1', enabled: true }] },
        scripts: {
          preRequest: 'pm.request.body.urlencoded.add(...)',
          postResponse: 'pm.test(...)',
        },
      }),
      variables: { v: 'two' },
      scriptLevels: [],
      requestName: 'Form',
    })
    expect(edited.runs[0]?.request.form).toEqual([['a', '1']])
    expect(result.ok && JSON.parse(result.response.body).form).toEqual({ a: '1', added: 'two' })
    // The post-response script sees the fields as sent.
    expect(edited.runs[1]?.request.form).toEqual([
      ['a', '1'],
      ['added', 'two'],
    ])
  })

  it("sends the body a pre-request script set, with its language's Content-Type, as newman does", async () => {
    const send = async (
      body: Parameters<typeof spec>[0]['body'],
      text: string,
      language: string,
    ) => {
      const edited = recordingScripts((input) =>
        input.event === 'prerequest'
          ? { request: { ...input.request, body: text, language, form: undefined } }
          : {},
      )
      const { result } = await checkedSend(deps(edited.port), {
        spec: spec({
          method: 'POST',
          url: `${httpbin.url}/anything`,
          body,
          scripts: { preRequest: 'pm.request.body.update(...)', postResponse: 'pm.test(...)' },
        }),
        variables: {},
        scriptLevels: [],
        requestName: 'Body',
      })
      const echoed = result.ok ? JSON.parse(result.response.body) : null
      return {
        before: edited.runs[0]?.request.language,
        data: echoed?.data,
        type: echoed?.headers['Content-Type'],
        after: edited.runs[1]?.request.language,
      }
    }
    // No body at all, given JSON.
    expect(await send({ type: 'none' }, '{"id":7}', 'json')).toEqual({
      before: undefined,
      data: '{"id":7}',
      type: 'application/json',
      after: 'json',
    })
    // A JSON body updated with text alone (Postman drops the language: text).
    expect(await send({ type: 'json', text: '{}' }, 'plain', 'text')).toEqual({
      before: 'json',
      data: 'plain',
      type: 'text/plain',
      after: 'text',
    })
    // A form made XML.
    const form = { type: 'form' as const, fields: [{ key: 'a', value: '1', enabled: true }] }
    expect(await send(form, '<a/>', 'xml')).toEqual({
      before: undefined,
      data: '<a/>',
      type: 'application/xml',
      after: 'xml',
    })
  })

  it('sends nothing when a pre-request script fails, naming the script and the line', async () => {
    const { port, runs } = recordingScripts(() => ({
      error: { script: 'request Login', message: "ReferenceError: 'x' is not defined", line: 2 },
    }))
    const { result } = await checkedSend(deps(port), {
      spec: spec({
        url: `${httpbin.url}/get`,
        scripts: { preRequest: 'x()', postResponse: 'y()' },
      }),
      variables: {},
      scriptLevels: [],
      requestName: 'Login',
    })
    expect(runs).toHaveLength(1)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'SCRIPT',
        message:
          "The pre-request script of request Login failed at line 2: ReferenceError: 'x' is not defined",
      },
      checks: { scriptFailure: { script: 'request Login', event: 'preRequest', line: 2 } },
    })
  })

  it('keeps the response when a post-response script hits a limit, and fails its checks', async () => {
    const { port } = recordingScripts((input) =>
      input.event === 'test'
        ? {
            error: {
              script: 'request Slow',
              message: 'Script exceeded its 5 s CPU limit',
              limit: 'cpu',
            },
          }
        : {},
    )
    const { result } = await checkedSend(deps(port), {
      spec: spec({
        url: `${httpbin.url}/get`,
        scripts: { preRequest: '', postResponse: 'while(true){}' },
      }),
      variables: {},
      scriptLevels: [],
      requestName: 'Slow',
    })
    expect(result.ok).toBe(true)
    expect(result.checks?.scriptFailure).toMatchObject({ limit: 'cpu', event: 'postResponse' })
  })

  it('does not send a request whose scripts cannot run here, and says so', async () => {
    const { result } = await checkedSend(deps(null), {
      spec: spec({ url: `${httpbin.url}/get`, scripts: { preRequest: 'x', postResponse: '' } }),
      variables: {},
      scriptLevels: [],
      requestName: 'X',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SCRIPT', message: expect.stringMatching(/did not run/) },
    })
  })
})

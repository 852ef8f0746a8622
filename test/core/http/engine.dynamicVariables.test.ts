import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { DYNAMIC_VARIABLES } from '../../../shared/logic/dynamicVariableNames'
import { startHttpbin } from '../../servers'
import { jsonBody, spec } from './spec'

let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

describe("Postman's dynamic variables, sent to httpbin", () => {
  it('are made when sent, in the URL and the body, through a variable too; a name of your own wins', async () => {
    const result = await engine.send({
      spec: spec({
        method: 'POST',
        url: `${httpbin.url}/anything?id={{$guid}}&other={{$guid}}&n={{$randomInt}}&at={{$timestamp}}&mine={{$randomColor}}`,
        body: { type: 'json', text: '{"email": "{{email}}", "ok": {{$randomBoolean}}}' },
      }),
      variables: { email: '{{$randomEmail}}', $randomColor: 'teal' },
    })
    if (!result.ok) throw new Error(result.error.message)
    const echo = jsonBody(result.response.body) as {
      args: Record<string, string>
      json: { email: string; ok: boolean }
    }
    expect(echo.args.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    // Each use gets its own value, as in newman.
    expect(echo.args.other).toMatch(/^[0-9a-f-]{36}$/)
    expect(echo.args.other).not.toBe(echo.args.id)
    expect(Number(echo.args.n)).toBeGreaterThanOrEqual(0)
    expect(Math.abs(Number(echo.args.at) - Date.now() / 1000)).toBeLessThan(600)
    expect(echo.args.mine).toBe('teal')
    expect(echo.json.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i)
    expect(typeof echo.json.ok).toBe('boolean')
    // What is kept of the send holds the values sent.
    expect(result.response.sent.url).toContain(`id=${echo.args.id}`)
  })

  it('a $name Postman does not have still fails the send, naming it', async () => {
    const result = await engine.send({
      spec: spec({ url: `${httpbin.url}/get?x={{$guid}}&y={{$notPostmans}}` }),
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('UNRESOLVED_VARIABLES')
    expect(result.error.message).toBe(
      'The request uses a variable that has no value: {{$notPostmans}}.',
    )
  })
})

describe("the editors' list of dynamic variables", () => {
  it("is postman-collection's, name for name, with its descriptions", () => {
    // Its own table, as the engine's generators use it (not part of its typed API).
    const table = createRequire(import.meta.url)(
      'postman-collection/lib/superstring/dynamic-variables',
    ) as Record<string, { description: string }>
    expect([...DYNAMIC_VARIABLES]).toEqual(
      Object.entries(table).map(([name, v]) => [name, v.description]),
    )
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { startJsonServer } from '../../servers'
import { jsonBody, spec } from './spec'

const engine = new HttpEngine()
let api: { url: string; close(): Promise<void> }

beforeAll(async () => {
  api = await startJsonServer()
})
afterAll(async () => {
  engine.close()
  await api.close()
})

async function send(over: Parameters<typeof spec>[0]) {
  const result = await engine.send({ spec: spec(over) })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.response
}

describe('the seed scenario: a user record on json-server', () => {
  it('PUT replaces the whole user, GET reads it back, PATCH changes one field', async () => {
    const user = { id: '1', name: 'John Doe Smith', email: 'john@example.com', age: 41 }
    const put = await send({
      method: 'PUT',
      url: `${api.url}/users/1`,
      body: { type: 'json', text: JSON.stringify(user) },
    })
    expect(put.status).toBe(200)
    expect(jsonBody(put.body)).toEqual(user)

    const read = await send({ url: `${api.url}/users/1` })
    expect(jsonBody(read.body)).toEqual(user)

    const patch = await send({
      method: 'PATCH',
      url: `${api.url}/users/1`,
      body: { type: 'json', text: '{"age": 42}' },
    })
    expect(jsonBody(patch.body)).toEqual({ ...user, age: 42 })

    const missing = await send({ url: `${api.url}/users/999` })
    expect(missing.status).toBe(404)
  })
})

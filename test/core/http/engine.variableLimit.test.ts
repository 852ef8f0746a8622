import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { startRecordingServer } from '../../servers'
import { spec } from './spec'

type Recording = Awaited<ReturnType<typeof startRecordingServer>>
const engine = new HttpEngine()
let server: Recording

beforeAll(async () => {
  server = await startRecordingServer()
})
afterAll(async () => {
  engine.close()
  await server.close()
})

/** 30^4 copies of a 16-character value: about 13 MB from a few hundred bytes. */
const exponential = {
  big: '{{a}}'.repeat(30),
  a: '{{b}}'.repeat(30),
  b: '{{c}}'.repeat(30),
  c: '{{d}}'.repeat(30),
  d: 'sixteen-chars!!!',
}

describe('the engine and the variable size limit', () => {
  it('fails the send with VARIABLE_TOO_LARGE naming the variable, and sends nothing', async () => {
    const before = server.requests.length
    const result = await engine.send({
      spec: spec({
        url: `${server.url}/x`,
        headers: [{ key: 'X-Big', value: '{{big}}', enabled: true }],
      }),
      variables: exponential,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VARIABLE_TOO_LARGE')
    expect(result.error.message).toBe('{{big}} expands past 10 MB: nothing was sent.')
    expect(result.error.hint).toContain('Settings > Requests > Variable size limit')
    expect(server.requests.length).toBe(before)
  })

  it('sends it whole once the limit is raised in the defaults', async () => {
    const result = await engine.send({
      spec: spec({
        method: 'POST',
        url: `${server.url}/x`,
        body: { type: 'raw', text: '{{big}}', contentType: 'text/plain' },
      }),
      variables: exponential,
      defaults: { variableSizeLimitMB: 20 },
    })
    expect(result.ok).toBe(true)
    expect(server.requests.at(-1)!.body.length).toBe(30 ** 4 * 16)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { startRecordingServer, startTlsServer } from '../../servers'
import { spec } from './spec'

type Recording = Awaited<ReturnType<typeof startRecordingServer>>
const engine = new HttpEngine()
let home: Recording
let elsewhere: Recording
let tls: { url: string; close(): Promise<void> }

beforeAll(async () => {
  ;[home, elsewhere, tls] = await Promise.all([
    startRecordingServer('127.0.0.1'),
    startRecordingServer('127.0.0.2'),
    startTlsServer(),
  ])
})
afterAll(async () => {
  engine.close()
  await Promise.all([home.close(), elsewhere.close(), tls.close()])
})

const header = (pairs: [string, string][], name: string) =>
  pairs.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)

describe('on the wire', () => {
  it('sends custom methods, header casing and duplicates as written', async () => {
    const result = await engine.send({
      spec: spec({
        method: 'PROPFIND',
        url: `${home.url}/dav`,
        headers: [
          { key: 'x-lower-Case', value: '1', enabled: true },
          { key: 'X-Dup', value: 'a', enabled: true },
          { key: 'X-Dup', value: 'b', enabled: true },
        ],
      }),
    })
    expect(result.ok).toBe(true)
    const seen = home.requests.at(-1)!
    expect(seen.method).toBe('PROPFIND')
    expect(seen.headers.map(([n]) => n)).toContain('x-lower-Case')
    expect(header(seen.headers, 'X-Dup')).toEqual(['a', 'b'])
    expect(header(seen.headers, 'User-Agent')).toEqual(['Courier/0.1'])
  })

  it('keeps auth on a same-host redirect and drops it when a redirect leads to another host', async () => {
    const auth = { type: 'bearer' as const, token: 'secret-token' }
    const same = await engine.send({
      spec: spec({
        url: `${home.url}/redirect?to=${encodeURIComponent(`${home.url}/landed`)}`,
        auth,
      }),
    })
    expect(same.ok).toBe(true)
    expect(header(home.requests.at(-1)!.headers, 'Authorization')).toEqual(['Bearer secret-token'])

    const apiKey = {
      type: 'apikey' as const,
      key: 'X-API-Key',
      value: 'k-1',
      in: 'header' as const,
    }
    for (const a of [auth, apiKey]) {
      const away = await engine.send({
        spec: spec({
          url: `${home.url}/redirect?to=${encodeURIComponent(`${elsewhere.url}/landed`)}`,
          auth: a,
        }),
      })
      expect(away.ok && away.response.redirects.length).toBe(1)
      const landed = elsewhere.requests.at(-1)!
      expect(landed.url).toBe('/landed')
      expect(header(landed.headers, 'Authorization')).toEqual([])
      expect(header(landed.headers, 'X-API-Key')).toEqual([])
    }
  })

  it('reports connect and TLS phases on a new socket and zero for them on a reused one', async () => {
    const insecure = { verifyTls: false }
    const first = await engine.send({ spec: spec({ url: `${tls.url}/`, settings: insecure }) })
    const second = await engine.send({ spec: spec({ url: `${tls.url}/`, settings: insecure }) })
    if (!first.ok || !second.ok) throw new Error('TLS requests failed')
    expect(first.response.timings.tls).toBeGreaterThan(0)
    expect(first.response.timings.connect).toBeGreaterThan(0)
    expect(second.response.timings).toMatchObject({ dns: 0, connect: 0, tls: 0 })
    expect(second.response.timings.total).toBeGreaterThan(0)
  })

  it('cancel() of an unknown id is false', () => {
    expect(engine.cancel('nothing-running')).toBe(false)
  })
})

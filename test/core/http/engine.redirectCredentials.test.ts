import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine, type SendOptions } from '../../../electron/core/http/engine'
import type { RequestSpec } from '../../../shared/model/request'
import { startRecordingServer } from '../../servers'
import { spec } from './spec'

// Two loopback servers on different ports: different origins, as curl and browsers count them.
type Recording = Awaited<ReturnType<typeof startRecordingServer>>
const engine = new HttpEngine()
let home: Recording
let other: Recording

beforeAll(async () => {
  ;[home, other] = await Promise.all([startRecordingServer(), startRecordingServer()])
})
afterAll(async () => {
  engine.close()
  await Promise.all([home.close(), other.close()])
})

const SECRET = 'sv-91c2-secret-value'
const row = (key: string, value: string) => ({ key, value, enabled: true })

/** Every kind of credential a tester types, next to a header that is not one. */
const CREDENTIAL_ROWS = [
  row('X-API-Key', 'key-123'),
  row('Private-Token', 'glpat-456'),
  row('Authorization', 'Bearer typed-789'),
  row('Proxy-Authorization', 'Basic cHJveHk6cHc='),
  row('Cookie', 'session=abc'),
  row('X-Signed', 'sig {{secret}}'),
  row('X-Plain', 'visible'),
]
const STRIPPED = [
  'X-API-Key',
  'Private-Token',
  'Authorization',
  'Proxy-Authorization',
  'Cookie',
  'X-Signed',
]

const redirectTo = (target: string) =>
  `${home.url}/redirect?to=${encodeURIComponent(`${target}/landed`)}`

/** Sends through a redirect to `target` and answers what the landing server received. */
async function landed(
  target: Recording,
  overrides: Partial<RequestSpec> = {},
  options: Partial<SendOptions> = {},
) {
  const before = target.requests.length
  const result = await engine.send({
    spec: spec({ url: redirectTo(target.url), headers: CREDENTIAL_ROWS, ...overrides }),
    variables: { secret: SECRET },
    secretNames: ['secret'],
    ...options,
  })
  if (!result.ok) throw new Error(result.error.message)
  // The landing request is the target's last (home also answered the redirect itself).
  expect(target.requests.length).toBe(before + (target === home ? 2 : 1))
  const got = target.requests.at(-1)!
  expect(got.url).toBe('/landed')
  const names = got.headers.map(([name]) => name.toLowerCase())
  return { names, headers: got.headers, hop: result.response.redirects[0]! }
}

describe('credentials and redirects', () => {
  it('a redirect to another origin gets none of them, and the hop names what was held back', async () => {
    const { names, headers, hop } = await landed(other)
    for (const name of STRIPPED) expect(names, name).not.toContain(name.toLowerCase())
    expect(headers).toContainEqual(['X-Plain', 'visible'])
    expect(hop.strippedHeaders).toEqual(STRIPPED)
    // Names only: no value reaches the record.
    expect(JSON.stringify(hop)).not.toMatch(/key-123|glpat|typed-789|abc|sv-91c2/)
  })

  it('the origin is scheme, host and port: a same-origin redirect keeps them all', async () => {
    const { names, headers, hop } = await landed(home)
    for (const name of STRIPPED) expect(names, name).toContain(name.toLowerCase())
    expect(headers).toContainEqual(['X-Signed', `sig ${SECRET}`])
    expect(hop.strippedHeaders).toBeUndefined()
  })

  it('the request setting keeps them on the way to another origin', async () => {
    const { names, headers, hop } = await landed(other, {
      settings: { keepCredentialsAcrossOrigins: true },
    })
    for (const name of STRIPPED) expect(names, name).toContain(name.toLowerCase())
    expect(headers).toContainEqual(['Authorization', 'Bearer typed-789'])
    expect(hop.strippedHeaders).toBeUndefined()
  })

  it('so do the defaults (--location-trusted), unless the request itself says no', async () => {
    const trusted = { defaults: { keepCredentialsAcrossOrigins: true } }
    const kept = await landed(other, {}, trusted)
    expect(kept.names).toContain('private-token')
    const refused = await landed(
      other,
      { settings: { keepCredentialsAcrossOrigins: false } },
      trusted,
    )
    expect(refused.names).not.toContain('private-token')
  })

  it('the Auth tab credentials are held back too: Bearer, and an API key header of any name', async () => {
    const bearer = await landed(other, { headers: [], auth: { type: 'bearer', token: 't-1' } })
    expect(bearer.names).not.toContain('authorization')
    expect(bearer.hop.strippedHeaders).toEqual(['Authorization'])
    const apiKey = await landed(other, {
      headers: [],
      auth: { type: 'apikey', key: 'X-Service-Key', value: 'k-2', in: 'header' },
    })
    expect(apiKey.names).not.toContain('x-service-key')
    expect(apiKey.hop.strippedHeaders).toEqual(['X-Service-Key'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRecordingServer } from '../servers'
import { runCourier, tempDir } from './runCourier'
import { runFixtures } from './runFixtures'

// A redirect from one loopback origin to another (another port), with credentials typed as
// headers: they reach the second server only with --location-trusted, as with curl.
type Recording = Awaited<ReturnType<typeof startRecordingServer>>
let home: Recording
let other: Recording
const dataDir = tempDir('courier-cli-location-')
const fixtures = runFixtures('courier-cli-location-run-')

beforeAll(async () => {
  ;[home, other] = await Promise.all([startRecordingServer(), startRecordingServer()])
})
afterAll(async () => {
  await Promise.all([home.close(), other.close()])
})

const redirectUrl = () => `${home.url}/redirect?to=${encodeURIComponent(`${other.url}/landed`)}`
const CREDENTIALS = ['Private-Token: glpat-1', 'Authorization: Bearer typed-2']

/** The header names (lower case) of the last request the other origin received. */
function landedNames(): string[] {
  const last = other.requests.at(-1)!
  expect(last.url).toBe('/landed')
  return last.headers.map(([name]) => name.toLowerCase())
}

const sendArgs = () => [
  'send',
  'GET',
  redirectUrl(),
  ...CREDENTIALS.flatMap((h) => ['-H', h]),
  '--no-history',
]

/** A collection of one request carrying the credentials as header rows. */
function collection(): string {
  return fixtures.file(
    'collection.json',
    JSON.stringify({
      info: {
        name: 'Redirects',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Away',
          request: {
            method: 'GET',
            url: redirectUrl(),
            header: CREDENTIALS.map((h) => {
              const [key, value] = h.split(': ')
              return { key, value }
            }),
          },
        },
      ],
    }),
  )
}

describe('--location-trusted', () => {
  it('courier send holds credentials back from another origin unless given', async () => {
    const plain = await runCourier(sendArgs(), { dataDir })
    expect(plain.code, plain.stderr).toBe(0)
    expect(landedNames()).not.toContain('private-token')
    expect(landedNames()).not.toContain('authorization')

    const trusted = await runCourier([...sendArgs(), '--location-trusted'], { dataDir })
    expect(trusted.code, trusted.stderr).toBe(0)
    expect(landedNames()).toContain('private-token')
    expect(landedNames()).toContain('authorization')
  })

  it('courier run does the same for every request of the run', async () => {
    const file = collection()
    const plain = await fixtures.courier([
      file,
      '-r',
      'json',
      '--reporter-json-export',
      fixtures.output('a.json'),
    ])
    expect(plain.code, plain.stderr).toBe(0)
    expect(landedNames()).not.toContain('private-token')

    const trusted = await fixtures.courier([
      file,
      '--location-trusted',
      '-r',
      'json',
      '--reporter-json-export',
      fixtures.output('b.json'),
    ])
    expect(trusted.code, trusted.stderr).toBe(0)
    expect(landedNames()).toContain('private-token')
    expect(landedNames()).toContain('authorization')
  })
})

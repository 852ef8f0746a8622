import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { MASK, Masker } from '../../../electron/core/history/masking'
import { context, entry, failed, ok, openStore, spec } from './helpers'

const SENTINEL = 'SENTINEL-s3cr3t-Value-7731'
const TOKEN = 'tok9BEARERf8e7d6c5b4a'
const stores: HistoryStore[] = []
afterEach(() => stores.splice(0).forEach((s) => s.close()))

/** A send whose secret variable and bearer token show up everywhere a server could echo them. */
function leakySends(store: HistoryStore): number[] {
  const edited = spec({
    method: 'POST',
    url: 'https://api.example.com/items?key={{apiSecret}}',
    headers: [{ key: 'X-Secret', value: '{{apiSecret}}', enabled: true }],
    body: { type: 'json', text: '{"secret":"{{apiSecret}}"}' },
    auth: { type: 'bearer', token: TOKEN },
  })
  const variables = { apiSecret: SENTINEL, plain: 'visible' }
  const url = `https://api.example.com/items?key=${SENTINEL}`
  const sentHeaders: [string, string][] = [
    ['X-Secret', SENTINEL],
    ['Content-Type', 'application/json'],
    ['Authorization', `Bearer ${TOKEN}`],
  ]
  const echoed = JSON.stringify({
    url,
    headers: Object.fromEntries(sentHeaders),
    json: { secret: SENTINEL },
  })
  const ctx = context({ secretNames: ['apiSecret'], edited })
  const answered = store.append(
    entry({
      context: ctx,
      spec: edited,
      variables,
      result: ok({
        url,
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Echo', `Bearer ${TOKEN}`],
        ],
        body: echoed,
        sent: { method: 'POST', url, headers: sentHeaders, bodySummary: 'JSON, 40 bytes' },
        redirects: [{ status: 302, url: `${url}&r=1`, location: url }],
      }),
    }),
  )
  const refused = store.append(entry({ context: ctx, spec: edited, variables, result: failed() }))
  return [answered.id, refused.id]
}

function fileBytes(store: HistoryStore): Buffer {
  return Buffer.concat(
    ['', '-wal'].filter((s) => existsSync(store.path + s)).map((s) => readFileSync(store.path + s)),
  )
}

describe('secrets in history', () => {
  it('never reach the database file (compression off, so the bytes can be searched)', () => {
    const { store } = openStore(undefined, { compress: false })
    stores.push(store)
    leakySends(store)
    const bytes = fileBytes(store)
    // The search would see them: the masked request and its visible parts are there in clear.
    expect(bytes.includes(Buffer.from(MASK))).toBe(true)
    expect(bytes.includes(Buffer.from('api.example.com/items'))).toBe(true)
    for (const secret of [SENTINEL, TOKEN, 's3cr3t', 'BEARERf8e7d6']) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)
      expect(bytes.includes(Buffer.from(secret.toLowerCase())), secret).toBe(false)
    }
  })

  it('never come back through the API: get, list, search or HAR', () => {
    const { store } = openStore()
    stores.push(store)
    const ids = leakySends(store)
    const everything = JSON.stringify([
      ids.map((id) => store.get(id)),
      store.list(),
      store.exportHar(ids, '1'),
    ])
    expect(everything).not.toContain(SENTINEL)
    expect(everything).not.toContain(TOKEN)
    // A secret variable's value is stored as its reference, so a resend fills in the current value.
    expect(everything).toContain('key={{apiSecret}}')
    expect(everything).toContain(`Bearer ${MASK}`)
    expect(store.get(ids[0]!).sentBody).toBe('{"secret":"{{apiSecret}}"}')
    for (const text of [SENTINEL, 's3cr3t', '7731', TOKEN]) {
      expect(store.list({ text }).entries, text).toEqual([])
    }
    expect(store.list({ text: 'items' }).entries).toHaveLength(2)
  })
})

describe('Masker', () => {
  it('masks an API key in the query, a password in the URL and Basic credentials', () => {
    const m = new Masker({
      secretNames: [],
      variables: {},
      auth: { type: 'apikey', key: 'api_key', value: 'k3y-value', in: 'query' },
    })
    expect(m.url('https://u:pw@h.test/p?a=1&api_key=k3y-value&b=2#f')).toBe(
      `https://u:${MASK}@h.test/p?a=1&api_key=${MASK}&b=2#f`,
    )
    expect(
      m.headers([
        ['Proxy-Authorization', 'Basic dTpwdw=='],
        ['X-Other', 'k3y-value'],
      ]),
    ).toEqual([
      ['Proxy-Authorization', `Basic ${MASK}`],
      ['X-Other', MASK],
    ])
  })

  it('masks encoded forms of a secret, and a short one only where it stands whole', () => {
    const m = new Masker({
      secretNames: ['s', 'tiny'],
      variables: { s: 'a b&c', tiny: 'xy' },
      auth: { type: 'basic', username: 'user', password: 'pa55word' },
    })
    expect(m.text('q=a%20b%26c and a+b%26c and "a b&c"')).toBe('q={{s}} and {{s}} and "{{s}}"')
    expect(m.text('xylophone')).toBe('xylophone')
    expect(m.text('xy')).toBe('{{tiny}}')
    expect(m.text(Buffer.from('user:pa55word').toString('base64'))).toBe(MASK)
    expect(m.headers([['X-Api-Key', 'anything']])).toEqual([['X-Api-Key', 'anything']])
    expect(m.deep({ a: ['pa55word', 1, null] })).toEqual({ a: [MASK, 1, null] })
  })

  it('masks a Digest or NTLM password, the AWS secret key and session token, and their headers', () => {
    const digest = new Masker({
      secretNames: [],
      variables: {},
      auth: { type: 'digest', username: 'u', password: 'dig-pa55' },
      headers: [['Authorization', 'Digest username="u", response="abc123"']],
    })
    expect(digest.text('echo dig-pa55')).toBe(`echo ${MASK}`)
    expect(digest.headers([['Authorization', 'Digest username="u", response="abc123"']])).toEqual([
      ['Authorization', `Digest ${MASK}`],
    ])
    const ntlm = new Masker({
      secretNames: [],
      variables: {},
      auth: { type: 'ntlm', username: 'u', password: 'ntlm-pa55', domain: 'D', workstation: '' },
      headers: [['Authorization', 'NTLM TlRMTVNTUAADAAAAGAAYAEgAAAA=']],
    })
    expect(ntlm.text('echo ntlm-pa55')).toBe(`echo ${MASK}`)
    expect(ntlm.headers([['Authorization', 'NTLM TlRMTVNTUAADAAAAGAAYAEgAAAA=']])).toEqual([
      ['Authorization', `NTLM ${MASK}`],
    ])
    const aws = new Masker({
      secretNames: [],
      variables: {},
      auth: {
        type: 'awsv4',
        accessKeyId: 'AKID',
        secretAccessKey: 'aws-secret-key-1',
        sessionToken: 'aws-session-tok',
        region: 'us-east-1',
        service: 's3',
      },
      headers: [['X-Amz-Security-Token', 'aws-session-tok']],
    })
    expect(aws.text('aws-secret-key-1 and aws-session-tok')).toBe(`${MASK} and ${MASK}`)
    expect(aws.headers([['X-Amz-Security-Token', 'aws-session-tok']])).toEqual([
      ['X-Amz-Security-Token', MASK],
    ])
  })

  it('masks the API key header named by the auth', () => {
    const m = new Masker({
      secretNames: [],
      variables: {},
      auth: { type: 'apikey', key: 'X-Api-Key', value: 'abc', in: 'header' },
    })
    expect(m.headers([['x-api-key', 'abc']])).toEqual([['x-api-key', MASK]])
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../electron/core/history/historyStore'
import { MASK } from '../../../electron/core/history/masking'
import { toEntryRecord } from '../../../electron/core/history/entryRecord'
import { encodeRecord, insertEntry } from '../../../electron/core/history/entryRows'
import { migrate } from '../../../electron/core/history/schema'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { HttpEngine } from '../../../electron/core/http/engine'
import { resolveRequest } from '../../../shared/logic/variables'
import type { RequestSpec } from '../../../shared/model/request'
import { startHttpbin } from '../../servers'
import { spec } from '../http/spec'
import { context, entry, openStore, tempDataDir } from './helpers'

// Real sends to httpbin, which echoes the credentials it got in its bodies: what history
// keeps of them must hold none of their values, in the rows or in the search index.
const engine = new HttpEngine()
let httpbin: { url: string; close(): Promise<void> }
beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  engine.close()
  await httpbin.close()
})

const TOKEN = 'tok-secret-5f1e2d'
const COOKIE = 'c00kie-v4lue-91'
const SET_COOKIE = 'srv-set-c00kie-27'
const TYPED = 'typed-auth-3c4d5e'
const secrets = [TOKEN, COOKIE, SET_COOKIE, TYPED]

const row = (key: string, value: string) => ({ key, value, enabled: true })
/** A request whose every credential comes back in httpbin's answer. */
function leakySpec(): RequestSpec {
  return spec({
    url: `${httpbin.url}/response-headers?Set-Cookie=sid%3D${SET_COOKIE}&echo={{token}}`,
    headers: [
      row('X-Token', '{{token}}'),
      row('Cookie', `session=${COOKIE}`),
      row('Proxy-Authorization', `Basic ${TYPED}`),
    ],
  })
}

/** Sends the request for real and appends it to the store, as the app's send does. */
async function sendAndKeep(store: HistoryStore, edited: RequestSpec, token: string) {
  const variables = { token }
  const result = await engine.send({ spec: edited, variables, secretNames: ['token'] })
  expect(result.ok).toBe(true)
  return store.append(
    entry({
      context: context({ secretNames: ['token'], edited }),
      spec: edited,
      variables,
      result,
    }),
  )
}

function fileBytes(store: HistoryStore): Buffer {
  const files = ['', '-wal'].map((s) => store.path + s).filter((f) => existsSync(f))
  return Buffer.concat(files.map((f) => readFileSync(f)))
}

describe('credentials in history', () => {
  it('masks Cookie, Set-Cookie and authorization headers, and stores secrets as their reference', async () => {
    const { store } = openStore(undefined, { compress: false })
    const kept = await sendAndKeep(store, leakySpec(), TOKEN)
    const bytes = fileBytes(store)
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)
    for (const secret of secrets) expect(store.list({ text: secret }).entries, secret).toEqual([])
    const got = store.get(kept.id)
    const sent = Object.fromEntries(got.response!.sent.headers)
    expect(sent['X-Token']).toBe('{{token}}')
    expect(sent.Cookie).toBe(`session=${MASK}`)
    expect(sent['Proxy-Authorization']).toBe(`Basic ${MASK}`)
    const setCookie = got.response!.headers.find(([n]) => n.toLowerCase() === 'set-cookie')!
    expect(setCookie[1]).toMatch(new RegExp(`^sid=${MASK}`))
    // What is not a credential stays searchable.
    expect(store.list({ text: 'response-headers' }).entries).toHaveLength(1)
    store.close()
  })

  it('keeps them with "keep credentials in history", secrets still as their reference', async () => {
    const { store } = openStore(undefined, { compress: false, keepCredentials: () => true })
    const kept = await sendAndKeep(store, leakySpec(), TOKEN)
    const sent = Object.fromEntries(store.get(kept.id).response!.sent.headers)
    expect(sent.Cookie).toBe(`session=${COOKIE}`)
    expect(sent['Proxy-Authorization']).toBe(`Basic ${TYPED}`)
    expect(sent['X-Token']).toBe('{{token}}')
    expect(fileBytes(store).includes(Buffer.from(TOKEN))).toBe(false)
    expect(store.list({ text: COOKIE }).entries).toHaveLength(1)
    store.close()
  })

  it('a resend of the entry fills its references with the current values', async () => {
    const { store } = openStore()
    const kept = await sendAndKeep(
      store,
      spec({ url: `${httpbin.url}/headers`, headers: [row('X-Token', '{{token}}')] }),
      TOKEN,
    )
    const reopened = store.get(kept.id).edited!
    expect(reopened.headers[0]!.value).toBe('{{token}}')
    const rotated = 'rotated-token-8a9b'
    const again = await engine.send({ spec: reopened, variables: { token: rotated } })
    expect(again.ok && JSON.parse(again.response.body).headers['X-Token']).toBe(rotated)
    expect(resolveRequest(reopened, { token: rotated }).unresolved).toEqual([])
    store.close()
  })

  it('the v5 migration masks credentials a v4 history kept in clear, search index included', async () => {
    const dataDir = tempDataDir()
    const file = join(dataDir, 'history.db')
    const old = new Sqlite(file)
    migrate(old, 4)
    const edited = leakySpec()
    const result = await engine.send({ spec: edited, variables: { token: TOKEN } })
    // What v4 wrote: credentials as sent (no secret names were masked back then either).
    const record = toEntryRecord(
      entry({ spec: edited, variables: { token: TOKEN }, result }),
      1e7,
      true,
    )
    old.transaction(() => insertEntry(old, encodeRecord(record, true)))
    expect(
      old.all('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?', [`"${COOKIE}"`]),
    ).toHaveLength(1)
    old.close()

    const { store } = openStore(dataDir, { compress: false })
    const [summary] = store.list().entries
    const got = store.get(summary!.id)
    expect(Object.fromEntries(got.response!.sent.headers).Cookie).toBe(`session=${MASK}`)
    expect(JSON.stringify(got)).not.toContain(COOKIE)
    expect(JSON.stringify(got)).not.toContain(SET_COOKIE)
    expect(JSON.stringify(got)).not.toContain(TYPED)
    for (const secret of [COOKIE, SET_COOKIE, TYPED])
      expect(store.list({ text: secret }).entries, secret).toEqual([])
    expect(store.list({ text: 'response-headers' }).entries).toHaveLength(1)
    store.close()
  })
})

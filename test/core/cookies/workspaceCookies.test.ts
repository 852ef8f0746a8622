import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeCourier, type ComposedCourier } from '../../../electron/core/composeCourier'
import {
  EncryptedSecretStore,
  type SecretCipher,
} from '../../../electron/core/secrets/encryptedSecretStore'
import { WorkspaceCookies } from '../../../electron/core/cookies/workspaceCookies'
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore'
import { openConfStore } from '../../../electron/core/storage/openConfStore'
import { dispatchCall } from '../../../shared/ipc/service'
import type { SendResult } from '../../../shared/ipc/contract'
import { startCookieServer } from '../../servers/cookieServer'
import { startHttpbin } from '../../servers/httpbin'
import type { RunningServer } from '../../servers/listen'

// The app's jar per workspace, through the composition root as the app and browser mode
// build it: sends fill and read it, the Cookies manager's calls change it, and it outlives
// a restart (a new composition on the same data directory) encrypted by the secret store.
const SENTINEL = 'oat-SENTINEL-7d2e'
let httpbin: RunningServer
let cookieServer: RunningServer

beforeAll(async () => {
  ;[httpbin, cookieServer] = await Promise.all([startHttpbin(), startCookieServer()])
})
afterAll(async () => {
  await Promise.all([httpbin.close(), cookieServer.close()])
})

/** A reversible stand-in for safeStorage (XOR), so clear text never reaches the file. */
const cipher: SecretCipher = (() => {
  const key = Buffer.from('courier-test-key')
  const xor = (data: Buffer) => Buffer.from(data.map((b, i) => b ^ key[i % key.length]!))
  return {
    available: true,
    encrypt: (text) => xor(Buffer.from(text, 'utf8')),
    decrypt: (data) => xor(data).toString('utf8'),
  }
})()

function compose(dataDir: string): ComposedCourier {
  const store = openConfStore(dataDir)
  return composeCourier({
    dataDir,
    store,
    secrets: new EncryptedSecretStore(store, cipher),
    notices: [],
    appInfo: { version: '0.0.0', shell: 'web', canPickFiles: false },
    pickFile: async () => null,
    pickFolder: async () => null,
    saveBody: async () => ({ saved: false }) as never,
    saveReport: async () => null as never,
    emit: () => {},
  })
}

let sends = 0
async function send(
  courier: ComposedCourier,
  workspace: string | null,
  path: string,
  settings: { cookies?: boolean } = {},
  server = httpbin,
): Promise<SendResult> {
  return dispatchCall(courier.service, 'http:send', {
    requestId: `r${++sends}`,
    spec: { method: 'GET', url: `${server.url}${path}`, settings },
    variables: {},
    context: { workspace, secretNames: [] },
  })
}

/** What httpbin's /cookies says it got. */
async function cookiesSeen(courier: ComposedCourier, workspace: string | null, settings = {}) {
  const result = await send(courier, workspace, '/cookies', settings)
  if (!result.ok) throw new Error(result.error.message)
  return (JSON.parse(result.response.body) as { cookies: Record<string, string> }).cookies
}

/** Every file under `dir`, as text. */
function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n')
}

describe("a workspace's cookie jar in the app", () => {
  it('is sent back, shown in the sent headers, kept per workspace, and outlives a restart encrypted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-cookies-data-'))
    const shop = mkdtempSync(join(tmpdir(), 'courier-cookies-shop-'))
    const other = mkdtempSync(join(tmpdir(), 'courier-cookies-other-'))
    let courier = compose(dataDir)
    try {
      // The value never appears in the URL, which history keeps.
      const setCookie = Buffer.from(`flavour=${SENTINEL}; Max-Age=3600`).toString('base64url')
      await send(courier, shop, `/set?set64=${setCookie}`, {}, cookieServer)
      const result = await send(courier, shop, '/cookies')
      expect(result.ok && result.response.sent.headers).toContainEqual([
        'Cookie',
        `flavour=${SENTINEL}`,
      ])
      expect(await cookiesSeen(courier, other)).toEqual({})
      expect(await cookiesSeen(courier, null)).toEqual({})
      // The request's setting off: nothing sent, nothing kept.
      expect(await cookiesSeen(courier, shop, { cookies: false })).toEqual({})
      await send(courier, shop, '/cookies/set?ignored=1', { cookies: false })
    } finally {
      await courier.close()
    }

    expect(everything(dataDir)).not.toContain(SENTINEL)
    expect(everything(shop)).not.toContain(SENTINEL)

    courier = compose(dataDir)
    try {
      expect(await cookiesSeen(courier, shop)).toEqual({ flavour: SENTINEL })
    } finally {
      await courier.close()
    }
  })

  it('is listed, edited and emptied by the Cookies manager calls', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-cookies-data-'))
    const shop = mkdtempSync(join(tmpdir(), 'courier-cookies-shop-'))
    const courier = compose(dataDir)
    const call = courier.service
    try {
      await send(courier, shop, '/cookies/set?a=1&b=2&c=3')
      const listed = await dispatchCall(call, 'cookies:list', { workspace: shop })
      expect(listed.map((c) => `${c.name}=${c.value}`)).toEqual(['a=1', 'b=2', 'c=3'])
      const a = listed[0]!
      expect(a).toMatchObject({ domain: '127.0.0.1', path: '/', expires: null, hostOnly: true })

      const ref = { domain: a.domain, path: a.path, name: 'a' }
      const inAnHour = new Date(Date.now() + 3_600_000).toISOString()
      const edit = { value: 'changed', path: '/', expires: inAnHour, secure: false, httpOnly: true }
      const edited = await dispatchCall(call, 'cookies:update', {
        workspace: shop,
        cookie: ref,
        edit,
      })
      expect(edited[0]).toMatchObject({
        name: 'a',
        value: 'changed',
        expires: inAnHour,
        httpOnly: true,
      })
      expect(await cookiesSeen(courier, shop)).toEqual({ a: 'changed', b: '2', c: '3' })

      await dispatchCall(call, 'cookies:delete', { workspace: shop, cookie: { ...ref, name: 'b' } })
      expect(await cookiesSeen(courier, shop)).toEqual({ a: 'changed', c: '3' })
      expect(
        await dispatchCall(call, 'cookies:deleteDomain', { workspace: shop, domain: '127.0.0.1' }),
      ).toEqual([])
      expect(await cookiesSeen(courier, shop)).toEqual({})

      await send(courier, shop, '/cookies/set?d=4')
      expect(await dispatchCall(call, 'cookies:clear', { workspace: shop })).toEqual([])
      expect(await cookiesSeen(courier, shop)).toEqual({})

      const gone = dispatchCall(call, 'cookies:update', { workspace: shop, cookie: ref, edit })
      await expect(gone).rejects.toThrow(/no longer in the jar/)
      await expect(
        dispatchCall(call, 'cookies:update', {
          workspace: shop,
          cookie: ref,
          edit: { ...edit, path: 'x' },
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' })
    } finally {
      await courier.close()
    }
  })

  it('takes cookies added by hand: host-only, or for subdomains with a leading dot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-cookies-data-'))
    const shop = mkdtempSync(join(tmpdir(), 'courier-cookies-shop-'))
    const courier = compose(dataDir)
    const call = courier.service
    const plain = { path: '/', expires: null, secure: false, httpOnly: false }
    try {
      const added = await dispatchCall(call, 'cookies:add', {
        workspace: shop,
        cookie: { ...plain, domain: '127.0.0.1', name: 'token', value: 'by-hand' },
      })
      expect(added).toMatchObject([{ domain: '127.0.0.1', name: 'token', hostOnly: true }])
      // Sent by the next request to that host, as if a response had set it.
      expect(await cookiesSeen(courier, shop)).toEqual({ token: 'by-hand' })
      // Added again: replaced, not doubled.
      await dispatchCall(call, 'cookies:add', {
        workspace: shop,
        cookie: { ...plain, domain: '127.0.0.1', name: 'token', value: 'again' },
      })
      expect(await cookiesSeen(courier, shop)).toEqual({ token: 'again' })

      const jars = new WorkspaceCookies(new MemorySecretStore(null))
      jars.add(shop, { ...plain, domain: '.example.test', name: 'wide', value: '1' })
      jars.add(shop, { ...plain, domain: 'example.test', name: 'narrow', value: '2' })
      expect(jars.hooksFor(shop).cookieFor('http://api.example.test/')).toBe('wide=1')
      expect(jars.hooksFor(shop).cookieFor('http://example.test/')).toBe('wide=1; narrow=2')

      await expect(
        dispatchCall(call, 'cookies:add', {
          workspace: shop,
          cookie: { ...plain, domain: 'https://shop.test/x', name: 'a', value: '1' },
        }),
      ).rejects.toThrow(/host name such as api.example.com/)
      await expect(
        dispatchCall(call, 'cookies:add', {
          workspace: shop,
          cookie: { ...plain, domain: 'shop.test', name: 'a=b', value: '1' },
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' })
    } finally {
      await courier.close()
    }
  })
})

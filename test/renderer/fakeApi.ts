import { fakeCookies } from './fakeCookies'
import type { OAuth2TokenStatus } from '../../shared/model/oauth2'
import { afterEach, beforeEach, vi } from 'vitest'
import { provideApi } from '../../renderer/src/api/currentApi'
import type { CourierApi, EventPayload, SendArgsInput, SendResult } from '../../shared/ipc'
import { createFakeWorkspace } from './fakeWorkspace'
import { HistoryRetentionSchema, type HistoryEntry } from '../../shared/model/history'
import { AppStateSchema, type AppState } from '../../shared/model/appState'
import { emptyRequest } from '../../shared/model/request'
import { defaultSettings, type Settings, type SettingsPatch } from '../../shared/model/settings'
import type { ResponseRecord } from '../../shared/model/response'
import { createFakeBodies } from './response/fakeBodies'
import { createFakeRuns } from './fakeRuns'
import { createFakeHistoryRuns } from './fakeHistoryRuns'

/** A response record with sensible defaults, for component and store tests. */
export function fakeResponse(over: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    url: 'http://api.test/users/1',
    headers: [['Content-Type', 'application/json']],
    body: '{"id":1}',
    bodyComplete: true,
    bodyId: null,
    overLimit: false,
    bodyEncoding: 'utf8',
    mediaType: 'application/json',
    charset: 'utf-8',
    sizes: { headers: 60, body: 8, encodedBody: 8 },
    redirects: [],
    timings: { dns: 1, connect: 2, tls: 0, firstByte: 5, download: 1, total: 9 },
    sent: { method: 'GET', url: 'http://api.test/users/1', headers: [], bodySummary: '' },
    ...over,
  } as ResponseRecord
}

/** As the host saves the proxy settings: the password goes to its secret store, not here. */
function fakeProxyUpdate(saved: Settings['proxy'], patch: SettingsPatch['proxy']) {
  const { password, ...rest } = patch ?? {}
  return {
    ...saved,
    ...rest,
    ...(password !== undefined && { passwordSaved: password !== '' }),
  }
}

/**
 * The contract in memory, for component and store tests only (end-to-end tests use the
 * real web bridge). `send` answers are queued by the test; sends wait until released.
 */
export function createFakeApi() {
  let settings: Settings = defaultSettings()
  const sent: SendArgsInput[] = []
  const cancelled: string[] = []
  const progress = new Set<
    (p: { requestId: string; receivedBytes: number; totalBytes: number | null }) => void
  >()
  let pending: { resolve: (r: SendResult) => void; requestId: string } | null = null

  const bodyProgress = new Set<(p: EventPayload<'body:progress'>) => void>()
  const emitBodyProgress = (p: EventPayload<'body:progress'>) => {
    for (const listener of bodyProgress) listener(p)
  }
  const bodies = createFakeBodies(emitBodyProgress)
  const workspace = createFakeWorkspace()
  const runs = createFakeRuns()
  const historyEntries: HistoryEntry[] = []
  const historyRuns = createFakeHistoryRuns(historyEntries)
  let appState: AppState = AppStateSchema.parse({})
  /** Files confirmed with files:allow, in order. */
  const allowedFiles: string[] = []
  /** What "Test proxy" was asked, in order; it answers that the URL was reached directly. */
  const proxyTests: { proxy: SettingsPatch['proxy']; url: string }[] = []
  const api: CourierApi = {
    ...workspace.calls,
    proxy: {
      test: async ({ proxy, url }) => {
        proxyTests.push({ proxy, url })
        return { ok: true, via: null, status: 200, message: `Reached ${url} directly.`, hint: '' }
      },
    },
    tls: {
      test: async ({ url }) => ({
        ok: true,
        protocol: 'TLSv1.3',
        cipher: 'TLS_AES_256_GCM_SHA384',
        subject: 'CN=fake',
        issuer: 'CN=fake CA',
        clientCert: null,
        message: `TLS with ${url}: TLSv1.3.`,
        hint: '',
      }),
    },
    oauth2: fakeOAuth2(),
    cookies: fakeCookies(),
    files: {
      allow: async ({ path }) => {
        allowedFiles.push(path)
        return { path }
      },
    },
    state: {
      get: async () => JSON.parse(JSON.stringify(appState)) as AppState,
      save: async (state) => {
        appState = AppStateSchema.parse(state)
        // No draft files here: every body is kept inline.
        return { drafts: appState.tabs.map(() => null) }
      },
    },
    interop: {
      import: async ({ fileName }) => ({
        format: 'curl',
        folder: fileName || 'Imported',
        requests: 1,
        folders: 1,
        environments: 0,
        notes: [],
      }),
      parseCurl: async ({ text }) => ({
        spec: { ...emptyRequest(), method: 'PUT', url: text.split(/\s+/)[1] ?? '' },
        notes: ['-k: TLS verification is off for this request.'],
      }),
      export: async () => '{}',
      languages: async () => [
        { id: 'curl', label: 'cURL' },
        { id: 'python-requests', label: 'Python requests' },
      ],
      code: async ({ spec, language }) =>
        language === 'curl'
          ? `curl -X ${spec.method} '${spec.url}'`
          : `requests.${spec.method.toLowerCase()}('${spec.url}')`,
    },
    history: {
      list: async (args) => {
        const text = args.text ?? ''
        const found = historyEntries.filter(
          (e) => e.url.includes(text) && !(args.outsideRuns && e.runId !== null),
        )
        return { entries: found.slice(0, args.limit ?? 100), next: null }
      },
      get: async ({ id }) => {
        const found = historyEntries.find((e) => e.id === id)
        if (!found) throw new Error(`No history entry ${id}.`)
        return found
      },
      delete: async ({ ids }) => {
        const before = historyEntries.length
        historyEntries.splice(0, before, ...historyEntries.filter((e) => !ids.includes(e.id)))
        return before - historyEntries.length
      },
      deleteMatching: async () => 0,
      clear: async () => historyEntries.splice(0).length,
      exportHar: async () => '{"log":{"version":"1.2","entries":[]}}',
      getRetention: async () => HistoryRetentionSchema.parse({}),
      setRetention: async (r) => HistoryRetentionSchema.parse(r),
      ...historyRuns.calls,
    },
    http: {
      send: (args) =>
        new Promise<SendResult>((resolve) => {
          sent.push(args)
          pending = { resolve, requestId: args.requestId }
        }),
      cancel: async ({ requestId }) => {
        cancelled.push(requestId)
        if (pending?.requestId !== requestId) return false
        pending.resolve({
          ok: false,
          error: { code: 'ABORTED', message: 'The request was cancelled.', hint: 'Send it again.' },
        })
        pending = null
        return true
      },
    },
    settings: {
      get: async () => settings,
      update: async (patch) => {
        settings = {
          ...settings,
          ...patch,
          requestDefaults: { ...settings.requestDefaults, ...patch.requestDefaults },
          proxy: fakeProxyUpdate(settings.proxy, patch.proxy),
        } as Settings
        return settings
      },
    },
    dialog: {
      pickFile: async () => ({ path: '/tmp/picked.bin', name: 'picked.bin', size: 3 }),
      pickFolder: async () => '/tmp/picked-folder',
    },
    app: {
      info: async () => ({
        version: '0.0.0-test',
        shell: 'web',
        dataDir: '/tmp/courier-test',
        canPickFiles: true,
        secretsWarning: null,
        notices: [],
      }),
    },
    body: bodies.api,
    run: runs.calls,
    on: (event, listener) => {
      if (event === 'run:event') {
        const onRun = listener as (p: EventPayload<'run:event'>) => void
        runs.listeners.add(onRun)
        return () => runs.listeners.delete(onRun)
      }
      if (event === 'body:progress') {
        const onBody = listener as (p: EventPayload<'body:progress'>) => void
        bodyProgress.add(onBody)
        return () => bodyProgress.delete(onBody)
      }
      if (event !== 'http:progress') return () => undefined
      const onProgress = listener as (p: EventPayload<'http:progress'>) => void
      progress.add(onProgress)
      return () => progress.delete(onProgress)
    },
  }

  return {
    api,
    proxyTests,
    workspace,
    /** Runs (`run:*`), see fakeRuns. */
    runs,
    historyEntries,
    /** Runs kept in history; their sends are `historyEntries` with their runId. */
    historyRuns: historyRuns.runs,
    /** Kept response bodies (`body:*`), see fakeBodies. */
    bodies,
    emitBodyProgress,
    sent,
    cancelled,
    /** Answers the send in flight. */
    respond(result: SendResult) {
      if (!pending) throw new Error('No request is in flight.')
      pending.resolve(result)
      pending = null
    },
    emitProgress(requestId: string, receivedBytes: number) {
      for (const listener of progress) listener({ requestId, receivedBytes, totalBytes: null })
    },
    get inFlight() {
      return pending?.requestId ?? null
    },
  }
}

/**
 * For component tests: a fresh fake API provided before each test, and spies and mounted
 * DOM cleared after it. Returns the current one.
 */
export function useFakeApi(): () => ReturnType<typeof createFakeApi> {
  let fake: ReturnType<typeof createFakeApi> | undefined
  beforeEach(() => {
    fake = createFakeApi()
    provideApi(fake.api)
  })
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })
  return () => {
    if (!fake) throw new Error('useFakeApi: no test is running')
    return fake
  }
}

/** OAuth 2.0 token calls over a map: "Get new token" keeps a fixed token for an hour. */
function fakeOAuth2(): CourierApi['oauth2'] {
  const kept = new Map<string, OAuth2TokenStatus>()
  const key = (args: {
    auth: { tokenUrl?: string; clientId?: string }
    workspace: string | null
  }) => JSON.stringify([args.workspace, args.auth.tokenUrl, args.auth.clientId])
  return {
    status: async (args) => kept.get(key(args)) ?? null,
    fetch: async (args) => {
      const status: OAuth2TokenStatus = {
        tokenType: 'Bearer',
        preview: 'fake-tok…',
        expiresAt: Date.now() + 3600_000,
        refreshable: false,
        scope: args.auth.scope ?? null,
      }
      kept.set(key(args), status)
      return { ok: true, status }
    },
    cancel: async () => false,
    clear: async (args) => kept.delete(key(args)),
  }
}

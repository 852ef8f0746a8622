import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_STATE_SCHEMA_VERSION } from '../../shared/model/appState'
import { emptyRequest } from '../../shared/model/request'
import {
  dispatchCall,
  type CourierService,
  type EventName,
  type EventPayload,
} from '../../shared/ipc'
import { createCourierService } from '../../electron/core/courierService'
import type { HistoryStore } from '../../electron/core/history/historyStore'
import { HttpEngine } from '../../electron/core/http/engine'
import { AppStateService } from '../../electron/core/settings/appStateService'
import { SettingsService } from '../../electron/core/settings/settingsService'
import { createMemoryStore } from '../../electron/core/storage/keyValueStore'
import { harness } from './workspace/helpers'
import { entry as appendInput, openStore } from './history/helpers'
import { emptyRunStats } from '../../shared/model/run'
import { startRecordingServer } from '../servers'
import { withoutRepeatedBody } from '../../shared/logic/sendContextBody'
import type { RequestSpec } from '../../shared/model/request'

let server: Awaited<ReturnType<typeof startRecordingServer>>
beforeAll(async () => {
  server = await startRecordingServer()
})
afterAll(() => server.close())

function service(
  history: HistoryStore | null,
  appState = new AppStateService(createMemoryStore()),
) {
  const engine = new HttpEngine()
  const events: { event: EventName; payload: unknown }[] = []
  const warnings: string[] = []
  const core: CourierService = createCourierService({
    engine,
    settings: new SettingsService(createMemoryStore()),
    appState,
    workspace: harness().service,
    pickFile: async () => null,
    pickFolder: async () => null,
    saveBody: async () => ({ outcome: 'cancelled' }),
    appInfo: {
      version: '1.2.3',
      shell: 'web',
      dataDir: '/tmp',
      canPickFiles: false,
      secretsWarning: null,
      notices: [],
    },
    history,
    warn: (m) => warnings.push(m),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      events.push({ event, payload }),
  })
  return { core, events, warnings, engine }
}

const send = (core: CourierService, url: string) =>
  dispatchCall(core, 'http:send', {
    requestId: 'r1',
    spec: { method: 'GET', url: `${url}/hello?token={{secret}}` },
    variables: { secret: 'S3CRET-VALUE-42' },
    context: { secretNames: ['secret'], workspaceName: 'Shop', environment: 'dev' },
  })

describe('http:send and history', () => {
  it('adds each send to history, masked, and announces it with history:added', async () => {
    const { store } = openStore()
    const { core, events, engine } = service(store)
    try {
      const result = await send(core, server.url)
      expect(result.ok).toBe(true)
      expect(server.requests.at(-1)?.url).toBe('/hello?token=S3CRET-VALUE-42')
      const added = events.filter((e) => e.event === 'history:added')
      expect(added).toHaveLength(1)
      const summary = added[0]!.payload as { id: number; url: string; status: number }
      expect(summary).toMatchObject({
        // The secret's value is kept as its reference.
        url: `${server.url}/hello?token={{secret}}`,
        status: 200,
        workspaceName: 'Shop',
        environment: 'dev',
        source: 'app',
      })
      const page = await dispatchCall(core, 'history:list', { text: 'hello' })
      expect(page.entries.map((e) => e.id)).toEqual([summary.id])
      const entry = await dispatchCall(core, 'history:get', { id: summary.id })
      expect(entry.response?.body).toBe('{"ok":true}')
      expect(JSON.stringify(entry)).not.toContain('S3CRET-VALUE-42')
      const har = JSON.parse(await dispatchCall(core, 'history:exportHar', { ids: [summary.id] }))
      expect(har.log.creator.version).toBe('1.2.3')
      expect(await dispatchCall(core, 'history:clear', {})).toBe(1)
    } finally {
      engine.close()
      store.close()
    }
  })

  it('keeps the edited request whole when its big body crossed the bridge once', async () => {
    const { store } = openStore()
    const { core, events, engine } = service(store)
    try {
      const text = JSON.stringify({ items: 'x'.repeat(300_000) })
      const spec = {
        method: 'POST',
        url: `${server.url}/upload`,
        body: { type: 'json', text },
      } as RequestSpec
      // As the renderer sends it: the edited request without its body, marked.
      const wire = withoutRepeatedBody(spec, { edited: spec })
      expect(wire.context.edited?.body).toEqual({ type: 'none' })
      const result = await dispatchCall(core, 'http:send', { requestId: 'r2', spec, ...wire })
      expect(result.ok).toBe(true)
      const added = events.find((e) => e.event === 'history:added')!.payload as { id: number }
      const entry = await dispatchCall(core, 'history:get', { id: added.id })
      expect(entry.edited?.body).toEqual({ type: 'json', text })
    } finally {
      engine.close()
      store.close()
    }
  })

  it('still returns the response when history fails, and says why', async () => {
    const { store } = openStore()
    store.close()
    const { core, events, warnings, engine } = service(store)
    try {
      const result = await send(core, server.url)
      expect(result.ok).toBe(true)
      expect(events.some((e) => e.event === 'history:added')).toBe(false)
      expect(warnings[0]).toMatch(/could not be added to the history/)
    } finally {
      engine.close()
    }
  })

  it('answers history calls with a clear error when there is no history', async () => {
    const { core, engine } = service(null)
    try {
      expect((await send(core, server.url)).ok).toBe(true)
      await expect(dispatchCall(core, 'history:list', {})).rejects.toThrow(
        /History is not available/,
      )
    } finally {
      engine.close()
    }
  })
})

describe('history calls on runs', () => {
  const sendAt = (at: number) => appendInput({ at })

  it('lists a run, reads its sends, refuses bad arguments by name and deletes it', async () => {
    const { store } = openStore()
    const { core, engine } = service(store)
    try {
      store.begin({ runId: 'run-1', name: 'Users', startedAt: 1000 })
      const ids = [await store.keep('run-1', sendAt(1001)), await store.keep('run-1', sendAt(1002))]
      const page = await dispatchCall(core, 'history:runs', {})
      expect(page.runs.map((r) => [r.runId, r.name, r.sends, r.running])).toEqual([
        ['run-1', 'Users', 2, true],
      ])
      const detail = await dispatchCall(core, 'history:run', { runId: 'run-1', limit: 1 })
      expect(detail.entries.map((e) => e.id)).toEqual([ids[0]])
      expect(detail.next).toBe(ids[0])
      await expect(dispatchCall(core, 'history:run', { runId: '' })).rejects.toThrow(
        'Invalid arguments for history:run: runId: Give the run id',
      )
      await expect(dispatchCall(core, 'history:deleteRun', { runId: 'run-1' })).rejects.toThrow(
        'This run is still going: stop it first, then delete it.',
      )
      store.end({
        runId: 'run-1',
        name: 'Users',
        startedAt: 1000,
        finishedAt: 2000,
        stats: emptyRunStats(),
        failures: [],
        end: 'completed',
        endMessage: null,
        averageResponseMs: 0,
        totalBytes: 0,
      })
      expect(await dispatchCall(core, 'history:deleteRun', { runId: 'run-1' })).toBe(2)
      expect((await dispatchCall(core, 'history:runs', {})).runs).toEqual([])
    } finally {
      engine.close()
      store.close()
    }
  })
})

describe('http:send with a big body kept as a draft', () => {
  it('reads a body sent as a reference to its draft file back from it', async () => {
    const drafts = mkdtempSync(join(tmpdir(), 'courier-send-drafts-'))
    const appState = new AppStateService(createMemoryStore(), () => {}, drafts)
    const { core, engine } = service(null, appState)
    try {
      const text = JSON.stringify({ items: 'x'.repeat(300_000) })
      const spec = {
        ...emptyRequest(),
        method: 'POST',
        url: `${server.url}/upload`,
        body: { type: 'json' as const, text },
      }
      const tab = { spec, variables: [], saved: null, baseline: '' }
      const saved = await dispatchCall(core, 'state:save', {
        schemaVersion: APP_STATE_SCHEMA_VERSION,
        active: 0,
        tabs: [tab],
      })
      const hash = saved.drafts[0]!
      expect(hash).toMatch(/^[0-9a-f]{64}$/)

      const byRef = { ...spec, body: { type: 'json' as const, text: '' } }
      const result = await dispatchCall(core, 'http:send', {
        requestId: 'd1',
        spec: byRef,
        bodyDraft: { sha256: hash },
      })
      expect(result.ok).toBe(true)
      expect(server.requests.at(-1)?.body).toBe(text)

      // A draft that is gone fails the call: the renderer then sends the body whole.
      const lost = { sha256: '0'.repeat(64) }
      await expect(
        dispatchCall(core, 'http:send', { requestId: 'd2', spec: byRef, bodyDraft: lost }),
      ).rejects.toMatchObject({
        code: 'DRAFT_GONE',
        message: expect.stringMatching(/draft .* is gone/),
      })
    } finally {
      engine.close()
      rmSync(drafts, { recursive: true, force: true })
    }
  })
})

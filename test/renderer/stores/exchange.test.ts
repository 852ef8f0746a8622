import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useExchangeStore } from '../../../renderer/src/stores/useExchangeStore'
import { emptyRequest } from '../../../shared/model/request'
import { createFakeApi, fakeResponse } from '../fakeApi'

let fake: ReturnType<typeof createFakeApi>
beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi()
  provideApi(fake.api)
})

const spec = { ...emptyRequest(), url: 'http://api.test/users/1' }

describe('exchange store', () => {
  it('runs, shows progress, then holds the response for its tab only', async () => {
    const store = useExchangeStore()
    const done = store.send('t1', spec)
    expect(store.isRunning('t1')).toBe(true)
    expect(store.isRunning('t2')).toBe(false)
    fake.emitProgress(fake.inFlight!, 4096)
    const running = store.stateOf('t1')
    expect(running.phase === 'running' && running.receivedBytes).toBe(4096)
    fake.respond({ ok: true, response: fakeResponse({ status: 404, statusText: 'Not Found' }) })
    await done
    const state = store.stateOf('t1')
    expect(state.phase === 'done' && state.response.status).toBe(404)
    expect(store.stateOf('t2').phase).toBe('idle')
    expect(fake.sent[0]?.spec.url).toBe('http://api.test/users/1')
  })

  it('keeps a transport error as a failed state', async () => {
    const store = useExchangeStore()
    const done = store.send('t1', spec)
    fake.respond({
      ok: false,
      error: { code: 'REFUSED', message: 'Connection refused by h:1.', hint: 'Is it running?' },
    })
    await done
    const state = store.stateOf('t1')
    expect(state.phase === 'failed' && state.error.code).toBe('REFUSED')
  })

  it('cancel sends the running request id and ends in ABORTED', async () => {
    const store = useExchangeStore()
    const done = store.send('t1', spec)
    const id = fake.inFlight
    await store.cancel('t1')
    await done
    expect(fake.cancelled).toEqual([id])
    const state = store.stateOf('t1')
    expect(state.phase === 'failed' && state.error.code).toBe('ABORTED')
  })

  it('turns a broken bridge into a readable failed state, never a blank pane', async () => {
    provideApi({
      ...fake.api,
      http: { ...fake.api.http, send: () => Promise.reject(new Error('The connection closed.')) },
    })
    const store = useExchangeStore()
    await store.send('t1', spec)
    const state = store.stateOf('t1')
    expect(state.phase === 'failed' && state.error.message).toBe('The connection closed.')
  })
})

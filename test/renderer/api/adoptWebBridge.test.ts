import { describe, expect, it } from 'vitest'
import type {
  BridgeCall,
  EarlyBridge,
  FromBridgeWorker,
} from '../../../renderer/src/api/bridgeWorkerMessages'
import type { CourierApi } from '../../../renderer/src/api'
import { requestFirstScreen } from '../../../renderer/src/api/firstScreen'
import { FIRST_SCREEN_CALLS } from '../../../renderer/src/api/firstScreenCalls'
import { adoptWebBridge } from '../../../renderer/src/api/webBridge'

// index.html's early script starts the bridge worker with the first screen's calls in its
// name (earlyBridge.ts); the app takes it over (adoptWebBridge). The worker here is a
// stand-in that records what the page posts and says what a real one would; the real
// worker, socket and host are in test/e2e/startupConnection.test.ts.

type Listener = (event: MessageEvent<FromBridgeWorker>) => void

function startedEarly(sent: BridgeCall[]) {
  const posted: unknown[] = []
  let listener: Listener | null = null
  /** What the worker said before the app took it over. */
  const before: FromBridgeWorker[] = []
  const worker = { postMessage: (message: unknown) => posted.push(message) } as unknown as Worker
  const early: EarlyBridge = {
    worker,
    sent,
    takeOver(next) {
      listener = next
      for (const data of before.splice(0)) next(new MessageEvent('message', { data }))
    },
  }
  const say = (data: FromBridgeWorker) => {
    if (listener) listener(new MessageEvent('message', { data }))
    else before.push(data)
  }
  const answer = (id: number, result: unknown) =>
    say({ type: 'wire', message: { kind: 'result', id, ok: true, result } })
  return { early, posted, say, answer }
}

const FIRST = [
  { id: 1, call: 'settings:get', args: {} },
  { id: 2, call: 'app:info', args: {} },
]

describe('the bridge the early script started', () => {
  it('answers a call it was started with from that call, without sending it again', async () => {
    const { early, posted, say, answer } = startedEarly(FIRST)
    say({ type: 'open', at: performance.timeOrigin })
    answer(2, { version: '9.9.9' })
    const { api, opened } = adoptWebBridge(early)
    await expect(opened).resolves.toBeTypeOf('number')
    // Answered before the app asked, and after.
    const info = api.app.info({})
    const settings = api.settings.get({})
    answer(1, { theme: 'dark' })
    await expect(info).resolves.toEqual({ version: '9.9.9' })
    await expect(settings).resolves.toEqual({ theme: 'dark' })
    expect(posted).toEqual([])
  })

  it('sends every other call, and the same call a second time, with ids of their own', async () => {
    const { early, posted, say, answer } = startedEarly(FIRST)
    const { api } = adoptWebBridge(early)
    say({ type: 'open', at: performance.timeOrigin })
    void api.settings.get({})
    const again = api.settings.get({})
    const recent = api.workspace.recent({})
    expect(posted).toEqual([
      { type: 'call', call: { id: 3, call: 'settings:get', args: {} } },
      { type: 'call', call: { id: 4, call: 'workspace:recent', args: {} } },
    ])
    answer(3, { theme: 'light' })
    answer(4, [])
    await expect(again).resolves.toEqual({ theme: 'light' })
    await expect(recent).resolves.toEqual([])
  })

  it('fails its calls, and the connection, when the socket never opened', async () => {
    const { early, say } = startedEarly(FIRST)
    say({ type: 'error' })
    say({ type: 'close' })
    const { api, opened } = adoptWebBridge(early)
    await expect(opened).rejects.toThrow('Could not connect to the Courier web host')
    await expect(api.settings.get({})).rejects.toMatchObject({ code: 'DISCONNECTED' })
    await expect(api.workspace.recent({})).rejects.toMatchObject({ code: 'DISCONNECTED' })
  })
})

describe("the early script's calls", () => {
  it('are the calls requestFirstScreen makes, so each is answered from the early worker', () => {
    const made: string[] = []
    const api = new Proxy(
      {},
      {
        get: (_, domain) =>
          new Proxy(
            {},
            {
              get: (__, action) => (args: unknown) => {
                made.push(`${String(domain)}:${String(action)} ${JSON.stringify(args)}`)
                return Promise.resolve()
              },
            },
          ),
      },
    ) as CourierApi
    requestFirstScreen(api)
    expect(made.sort()).toEqual(FIRST_SCREEN_CALLS.map((name) => `${name} {}`).sort())
  })
})

import { describe, expect, it } from 'vitest'
import { isProxy, reactive } from 'vue'
import { CallError, type CourierBridge, type IpcEnvelope } from '../../../shared/ipc'
import { fromPreload } from '../../../renderer/src/api'
import { withPlainArgs } from '../../../renderer/src/api/plainArgs'

/** A preload bridge whose one call answers with `answer` and records what it was given. */
function bridgeAnswering(answer: IpcEnvelope) {
  const received: unknown[] = []
  const bridge = {
    on: () => () => {},
    app: {
      info: async (args: unknown) => {
        received.push(args)
        return answer
      },
    },
  } as unknown as CourierBridge
  return { bridge, received }
}

describe("the Electron preload's envelopes", () => {
  it('become the result of the call', async () => {
    const { bridge } = bridgeAnswering({ ok: true, result: { version: '1.2.3' } })
    await expect(fromPreload(bridge).app.info({})).resolves.toEqual({ version: '1.2.3' })
  })

  it('become a CallError with the code and message the main process sent', async () => {
    const { bridge } = bridgeAnswering({
      ok: false,
      error: { code: 'DRAFT_GONE', message: 'The saved draft abc is gone' },
    })
    const failure = await fromPreload(bridge)
      .app.info({})
      .catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(CallError)
    expect(failure).toMatchObject({ code: 'DRAFT_GONE', message: 'The saved draft abc is gone' })
  })

  it('turn a code this renderer does not know into FAILED, keeping the message', async () => {
    const { bridge } = bridgeAnswering({
      ok: false,
      error: { code: 'SOMETHING_NEW', message: 'Newer host' },
    } as unknown as IpcEnvelope)
    await expect(fromPreload(bridge).app.info({})).rejects.toMatchObject({
      code: 'FAILED',
      message: 'Newer host',
    })
  })

  it('get plain copies of reactive arguments, which IPC can clone, as the app calls them', async () => {
    const { bridge, received } = bridgeAnswering({ ok: true, result: null })
    const args = reactive({ nested: { a: 1 } })
    // startApp.ts installs the transport's api wrapped so; the transport itself takes plain data.
    await withPlainArgs(fromPreload(bridge)).app.info(args as never)
    expect(received[0]).toEqual({ nested: { a: 1 } })
    expect(received[0]).not.toBe(args)
    expect(isProxy((received[0] as { nested: unknown }).nested)).toBe(false)
    expect(structuredClone(received[0])).toEqual({ nested: { a: 1 } })
  })

  it('keep their event subscriptions when wrapped for plain arguments', () => {
    const subscribed: string[] = []
    const bridge = {
      on: (event: string) => {
        subscribed.push(event)
        return () => {}
      },
    } as unknown as CourierBridge
    withPlainArgs(fromPreload(bridge)).on('history:added', () => {})
    expect(subscribed).toEqual(['history:added'])
  })
})

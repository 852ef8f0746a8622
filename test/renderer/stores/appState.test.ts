import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { useAppStateStore } from '../../../renderer/src/stores/useAppStateStore'
import { useAppStore } from '../../../renderer/src/stores/useAppStore'
import { useExchangeStore } from '../../../renderer/src/stores/useExchangeStore'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { createFakeApi, fakeResponse } from '../fakeApi'
import { CallError } from '../../../shared/ipc/callError'
import type { SendArgsInput, SendResult } from '../../../shared/ipc/contract'

let fake: ReturnType<typeof createFakeApi>
beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi()
  provideApi(fake.api)
})

describe('open tabs across restarts', () => {
  it('restored tabs do not wait for the app info asked again after restoring; its notice shows when it comes', async () => {
    const tabs = useRequestTabsStore()
    tabs.setUrl(tabs.open(), 'http://h/restored')
    await fake.api.state.save({ tabs: tabs.tabs.map((t) => ({ ...t })), active: 0 } as never)
    setActivePinia(createPinia())
    const info = await fake.api.app.info({})
    let answer!: () => void
    fake.api.app.info = () =>
      new Promise((resolve) => {
        answer = () => resolve({ ...info, notices: ['A draft file was lost.'] })
      })
    await useAppStateStore().restoreAndKeep()
    expect(useRequestTabsStore().tabs.map((t) => t.spec.url)).toEqual(['http://h/restored'])
    expect(useAppStore().info).toBeNull()
    answer()
    await flushPromises()
    expect(useAppStore().info?.notices).toEqual(['A draft file was lost.'])
  })

  it('saves the tabs once edits settle and restores them, unsaved marks included', async () => {
    vi.useFakeTimers()
    try {
      await useAppStateStore().restoreAndKeep()
      const tabs = useRequestTabsStore()
      expect(tabs.tabs).toHaveLength(1)
      tabs.setUrl(tabs.tabs[0]!, 'http://h/draft')
      tabs.open()
      await flushPromises()
      vi.advanceTimersByTime(500)
      await flushPromises()
      const saved = await fake.api.state.get({})
      expect(saved.tabs.map((t) => t.spec.url)).toEqual(['http://h/draft', ''])
      expect(saved.active).toBe(1)

      // A new run on the same state.
      setActivePinia(createPinia())
      await useAppStateStore().restoreAndKeep()
      const restored = useRequestTabsStore()
      expect(restored.tabs.map((t) => t.spec.url)).toEqual(['http://h/draft', ''])
      expect(restored.isDirty(restored.tabs[0]!)).toBe(true)
      expect(restored.active?.spec.url).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('a big body kept in a draft file', () => {
  /**
   * Saves get `hash` as the draft of every tab; each send is recorded as "draft <hash>" or
   * the start of its body, then `answer` decides. Returns a tab holding a 300 KB body,
   * saved once (so it may be sent by reference).
   */
  async function bigTab(hash: string, answer: (args: SendArgsInput) => Promise<SendResult>) {
    fake.api.state.save = async (state) => ({ drafts: (state.tabs ?? []).map(() => hash) })
    const sent: string[] = []
    fake.api.http.send = async (args) => {
      const body = args.spec.body
      const text = body?.type === 'json' ? body.text : ''
      sent.push(args.bodyDraft ? `draft ${args.bodyDraft.sha256}` : text.slice(0, 40))
      return answer(args)
    }
    await useAppStateStore().restoreAndKeep()
    const tabs = useRequestTabsStore()
    const tab = tabs.tabs[0]!
    const big = JSON.stringify({ items: 'x'.repeat(300_000) })
    tabs.patchSpec(tab, { method: 'POST', body: { type: 'json', text: big } })
    await flushPromises()
    vi.advanceTimersByTime(500)
    await flushPromises()
    return { tab, big, sent }
  }

  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is sent as a reference to that draft once a save named it, and whole if it is gone', async () => {
    const hash = 'a'.repeat(64)
    const send = fake.api.http.send
    const { tab, big, sent } = await bigTab(hash, async (args) => {
      if (args.bodyDraft?.sha256 === hash)
        throw new CallError('DRAFT_GONE', `The saved draft ${hash} is gone`)
      return send(args)
    })
    const done = useExchangeStore().send(tab.id, tab.spec)
    await flushPromises()
    // First by reference; the draft is gone, so once more with the body itself.
    expect(sent).toEqual([`draft ${hash}`, big.slice(0, 40)])
    fake.respond({ ok: true, response: fakeResponse() })
    await done
    expect(useExchangeStore().stateOf(tab.id).phase).toBe('done')
  })

  it('is not sent again whole when the call failed for another reason', async () => {
    const hash = 'b'.repeat(64)
    const { tab, sent } = await bigTab(hash, async () => {
      throw new CallError('INVALID_ARGUMENTS', 'Invalid arguments for http:send: spec.url')
    })
    await useExchangeStore().send(tab.id, tab.spec)
    expect(sent).toEqual([`draft ${hash}`])
    expect(useExchangeStore().stateOf(tab.id)).toMatchObject({
      phase: 'failed',
      error: { message: expect.stringMatching(/spec\.url/) },
    })
  })
})

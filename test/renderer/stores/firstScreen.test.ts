import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CourierApi } from '../../../shared/ipc'
import { provideApi } from '../../../renderer/src/api/currentApi'
import { firstScreenSettled, requestFirstScreen } from '../../../renderer/src/api/firstScreen'
import { useAppStateStore } from '../../../renderer/src/stores/useAppStateStore'
import { useAppStore } from '../../../renderer/src/stores/useAppStore'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { useSettingsStore } from '../../../renderer/src/stores/useSettingsStore'
import { useWorkspaceStore } from '../../../renderer/src/stores/useWorkspaceStore'
import { createFakeApi } from '../fakeApi'

/**
 * The fake api behind a gate: every call is noted when made, and none answers before
 * `open()`, as when each answer is a round trip away.
 */
function gated(api: CourierApi) {
  const made: string[] = []
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  const wrapped: Record<string, unknown> = { on: api.on }
  for (const [domain, group] of Object.entries(api)) {
    if (typeof group !== 'object' || group === null) continue
    wrapped[domain] = Object.fromEntries(
      Object.entries(group as Record<string, (args: unknown) => Promise<unknown>>).map(
        ([action, call]) => [
          action,
          async (args: unknown) => {
            made.push(`${domain}:${action}`)
            await opened
            return call(args)
          },
        ],
      ),
    )
  }
  return { api: wrapped as unknown as CourierApi, made, open }
}

let fake: ReturnType<typeof createFakeApi>
beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi()
})

describe('the first screen at start-up', () => {
  it('asks for all of its data at once, before any answer is back', () => {
    const gate = gated(fake.api)
    requestFirstScreen(gate.api)
    expect([...gate.made].sort()).toEqual([
      'app:info',
      'globals:get',
      'settings:get',
      'state:get',
      'workspace:recent',
      'workspace:snapshot',
    ])
  })

  it('the stores apply those answers, in start-up order, without asking again', async () => {
    await fake.api.settings.update({ theme: 'dark' })
    const gate = gated(fake.api)
    provideApi(gate.api)
    const first = requestFirstScreen(gate.api)
    const asked = gate.made.length
    gate.open()
    await Promise.all([useSettingsStore().load(first.settings), useAppStore().load(first.appInfo)])
    await useAppStateStore().restoreAndKeep(first.state)
    await useWorkspaceStore().load(first)
    expect(gate.made).toHaveLength(asked)
    expect(useSettingsStore().settings.theme).toBe('dark')
    expect(useAppStore().info).not.toBeNull()
    expect(useRequestTabsStore().tabs).toHaveLength(1)
    expect(useWorkspaceStore().snapshot?.dir).toBe('/fake/workspace')
    expect(useWorkspaceStore().recent).toEqual(await fake.api.workspace.recent({}))
  })

  it('settles (the app may mount) only once every answer is in, a failed one included', async () => {
    const gate = gated(fake.api)
    const first = requestFirstScreen(gate.api)
    first.globals = Promise.reject(new Error('globals unreadable'))
    first.globals.catch(() => undefined)
    let settled = false
    const done = firstScreenSettled(first).then(() => (settled = true))
    await Promise.resolve()
    await first.globals.catch(() => undefined)
    expect(settled).toBe(false)
    gate.open()
    await done
    expect(settled).toBe(true)
    await expect(first.globals).rejects.toThrow('globals unreadable')
  })
})
